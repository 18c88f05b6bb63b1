using Catwalk.Cli.Commands;

namespace Catwalk.Cli.Infrastructure.CommandLine;

/// <summary>Every command of <c>catwalk</c>, in the order <c>--help</c> lists them.</summary>
internal static class CatwalkCommands
{
    /// <summary>Every command line a user can start with, sub-verbs included: <c>run</c>, …, <c>models</c>, <c>models search</c>.</summary>
    public static IEnumerable<string> Paths => All.SelectMany(c => c.Children.Select(child => $"{c.Name} {child.Name}").Prepend(c.Name));

    public static IReadOnlyList<CommandEntry> All { get; } =
    [
        CommandEntry.Of<RunCommand>("run", "Person + outfit → image → videos from the chosen models (default: the sample, all models).",
            ["run"], ["run", "--person", "me.jpg", "--outfit", "top.png", "--models", "veo3,kling", "--duration", "5"]),
        CommandEntry.Of<ImageCommand>("image", "Images from a prompt and reference images.",
            ["image", "--ref", "me.jpg", "--prompt", "portrait of a man smiling", "--num", "2"]),
        CommandEntry.Of<VideoCommand>("video", "Videos of one image from the chosen models.",
            ["video", "--image", "img.png", "--models", "all", "--duration", "4"]),
        CommandEntry.Of<BatchCommand>("batch", "People × outfits × settings × models × durations from a YAML/JSON manifest, with cost plan and budget.",
            ["batch", "assets/samples/batch.yaml", "--plan"], ["batch", "lookbook.yaml", "--budget", "25", "--report", "report.json"]),
        CommandEntry.Of<ResumeCommand>("resume", "Finish interrupted runs: collect what fal already has by request id, send only what it never got.",
            ["resume"], ["resume", "0193ab", "--retry-failed"]),
        CommandEntry.Of<ReportCommand>("report", "Per model: count, success rate, latency min/avg/p50/p95/max, cost — from the run store; --billed fetches what fal billed.",
            ["report"], ["report", "--run", "0193ab", "--json"], ["report", "--billed"]),
        CommandEntry.Of<RecommendCommand>("recommend", "Which model to pay for: ranked by a weighted score of votes, automatic quality, $ per video second and latency, with intervals and plain sentences.",
            ["recommend"], ["recommend", "--weights", "quality=0.5,cost=0.3,latency=0.2", "--min-identity", "0.6"], ["recommend", "--run", "0193ab", "--json"]),
        CommandEntry.Of<ImportCommand>("import", "Bring an existing outputs folder (the original tool's or Catwalk's) into the run store.",
            ["import", "old-project/outputs"]),
        CommandEntry.Of<DashboardCommand>("dashboard", "The web dashboard over the run store on 127.0.0.1: overview, generations, exports.",
            ["dashboard", "--port", "5180"]),
        CommandEntry.Of<ServerCommand>("server", "Dashboard + Hangfire's dashboard (/jobs) + API over the shared PostgreSQL store; enqueues runs for `catwalk worker`s.",
            ["server", "--db", "Host=db;Database=catwalk;Username=catwalk"], ["server", "--db", "Host=db;Database=catwalk", "--host", "0.0.0.0", "--token", "s3cret"]),
        CommandEntry.Of<MetricsCommand>("metrics", "A video's automatic quality metrics: spec, faithfulness to its input image, flicker, motion, defects.",
            ["metrics", "video.mp4", "--image", "img.png", "--duration", "5"]),
        CommandEntry.Branch<ModelsSettings, ModelsCommand>("models", "The model catalog: keys, durations, resolutions, audio, prices; `models search` finds fal's endpoints.",
        [
            CommandEntry.In<ModelsSettings, ModelsSearchCommand>("search", "fal's endpoints matching words, a category or a status, with fal's price and whether the catalog has them. Spends nothing.",
                ["models", "search", "kling", "--category", "image-to-video"]),
            CommandEntry.In<ModelsSettings, ModelsAddCommand>("add", "A catalog entry from fal's OpenAPI and price for an endpoint, written to catwalk.models.json (or --catalog); then `run --models KEY` uses it.",
                ["models", "add", "fal-ai/kling-video/v2.5-turbo/standard/image-to-video", "--key", "kling-turbo"]),
            CommandEntry.In<ModelsSettings, ModelsSyncCommand>("sync", "Every catalog model against fal's OpenAPI and prices: one line per change; --apply writes fal's schema and base price to the user catalog.",
                ["models", "sync"], ["models", "sync", "--apply"]),
        ], ["models"], ["models", "search", "kling"], ["models", "add", "alibaba/happy-horse/image-to-video"]),
        CommandEntry.Of<CheckCommand>("check", "Is FAL_KEY set, is fal reachable, is the key accepted? Spends nothing."),
        CommandEntry.Of<WorkerCommand>("worker", "Do queued jobs from the team's PostgreSQL database (with `catwalk server` and `batch --enqueue`); run as many as wanted.",
            ["worker", "--db", "Host=db;Database=catwalk;Username=catwalk", "--concurrency", "64"]),
        CommandEntry.Of<EmulatorCommand>("emulator", "Run the fal-compatible emulator on 127.0.0.1."),
    ];
}
