using System.Text.Json.Nodes;

namespace Catwalk.Fal.Tests;

public class FalDataUriTests
{
    [Fact]
    public async Task A_stream_becomes_a_base64_data_uri()
    {
        var uri = await FalDataUri.FromStreamAsync(new MemoryStream([1, 2, 3]), "image/png");
        uri.ShouldBe("data:image/png;base64,AQID");
    }

    [Fact]
    public void Data_uris_are_elided_anywhere_in_a_document_and_urls_are_kept()
    {
        var big = "data:image/png;base64," + new string('A', 4000);
        var json = new JsonObject { ["image_url"] = big, ["image_urls"] = new JsonArray(big, "https://x/y.png"), ["nested"] = new JsonObject { ["u"] = big } };
        FalDataUri.ElideDataUris(json);
        json["image_url"]!.GetValue<string>().ShouldBe("data:image/png;base64,…(3000 bytes)");
        json["image_urls"]![1]!.GetValue<string>().ShouldBe("https://x/y.png");
        json.ToJsonString().Length.ShouldBeLessThan(300);
    }
}
