using Catwalk.Testing;

namespace Catwalk.Cli.Tests;

/// <summary>A folder with reference pictures and a batch manifest over them, as a user would write it.</summary>
public sealed class BatchWorkspace : IDisposable
{
    public BatchWorkspace(int people, int outfits, string models, string extra = "", int concurrency = 4, int perEndpoint = 2)
    {
        var lines = new List<string> { "name: kill-test", $"models: [{models}]", $"concurrency: {concurrency}", $"per_endpoint: {perEndpoint}", extra, "people:" };
        for (var p = 0; p < people; p++)
        {
            TestImages.WritePng(Dir.File($"person{p}.png"), 320, 480, p + 1);
            lines.Add($"  - id: p{p}\n    image: person{p}.png\n    height: 170\n    gender: female");
        }
        lines.Add("outfits:");
        for (var o = 0; o < outfits; o++)
        {
            TestImages.WritePng(Dir.File($"outfit{o}.png"), 320, 480, 100 + o);
            lines.Add($"  - id: o{o}\n    image: outfit{o}.png\n    apparel: street wear");
        }
        File.WriteAllText(Manifest, string.Join('\n', lines) + "\n");
    }

    public TempDirectory Dir { get; } = new("catwalk-batch-");
    public string Manifest => Dir.File("batch.yaml");
    public string Outputs => Dir.File("out");

    public void Dispose() => Dir.Dispose();
}
