using System.Text;
using System.Text.Json;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Runs.Tests;

public class KeyHygieneTests
{
    [Theory]
    [MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task The_fal_key_is_never_stored(string engine)
    {
        const string key = "key-id-4711:secret-0123456789abcdef";
        await using var h = await RunsHarness.StartAsync(engine, key: key);
        var run = await h.Runs.CreateAsync(h.Batch(1, ["pika"]), h.OutputRoot, true);
        var outcome = await h.Runs.ExecuteAsync(run);
        outcome.Jobs.ShouldAllBe(j => j.State == JobState.Downloaded, string.Join("; ", outcome.Jobs.Select(j => j.Error)));

        var stored = new StringBuilder(JsonSerializer.Serialize(await h.Store.Store.ListRunsAsync()));
        foreach (var job in outcome.Jobs)
        {
            stored.Append(JsonSerializer.Serialize(await h.Store.Store.GetJobAsync(job.Id)));
            stored.Append(JsonSerializer.Serialize(await h.Store.Store.GetEventsAsync(job.Id)));
        }
        stored.ToString().ShouldNotContain("secret-0123456789abcdef");
        stored.ToString().ShouldNotContain("key-id-4711");
        if (engine == "sqlite")
            foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(h.Store.Db)!, "catwalk.db*"))
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream, Encoding.Latin1);
                (await reader.ReadToEndAsync()).ShouldNotContain("secret-0123456789abcdef", customMessage: file);
            }
    }
}
