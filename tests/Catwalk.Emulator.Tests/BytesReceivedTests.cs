using Catwalk.Testing;

namespace Catwalk.Emulator.Tests;

public class BytesReceivedTests
{
    [Fact]
    public async Task What_clients_send_is_counted_bodies_in_full_and_the_stats_endpoint_not_at_all()
    {
        await using var e = await EmulatorClient.StartAsync();
        var before = e.Emulator.GetStats();
        (before.Requests, before.BytesReceived).ShouldBe((0, 0L));
        var bytes = new byte[300_000];
        new Random(1).NextBytes(bytes);
        await e.UploadAsync(bytes, "application/octet-stream", "blob.bin"); // initiate (POST) + PUT of the bytes
        await e.Http.GetStringAsync(e.Url("_emulator/stats"));

        var after = e.Emulator.GetStats();
        after.Requests.ShouldBe(2);
        after.BytesReceived.ShouldBeGreaterThan(300_000);
        after.BytesReceived.ShouldBeLessThan(300_000 + 2_000); // plus request lines, headers and the small JSON
    }
}
