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

    [Theory]
    [InlineData(new byte[] { 1 })]
    [InlineData(new byte[] { 1, 2 })]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7 })]
    public async Task Elision_reports_the_exact_byte_count(byte[] bytes) =>
        FalDataUri.Elide(await FalDataUri.FromStreamAsync(new MemoryStream(bytes), "image/png")).ShouldBe($"data:image/png;base64,…({bytes.Length} bytes)");
}
