using Catwalk.Cli.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Infrastructure;

/// <summary>The command line: one command class per verb, built from dependency injection, errors as one clear line.</summary>
internal static class CatwalkApp
{
    public static CommandApp Create(IAnsiConsole console, IConfiguration configuration)
    {
        var services = new ServiceCollection()
            .AddSingleton(console)
            .AddSingleton(configuration)
            .AddSingleton<StoreOpener>()
            .AddSingleton<FalSessionFactory>();
        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("catwalk");
            config.Settings.Console = console;
            config.Settings.ExceptionHandler = (exception, _) => UserErrorHandler.Handle(exception, console);
            config.Settings.CancellationExitCode = ExitCodes.Cancelled;
            config.AddCommand<RunCommand>("run").WithDescription("Person + outfit → image → videos from the chosen models (default: the sample, all models).")
                .WithExample("run").WithExample("run", "--person", "me.jpg", "--outfit", "top.png", "--models", "veo3,kling", "--duration", "5");
            config.AddCommand<ImageCommand>("image").WithDescription("Images from a prompt and reference images.")
                .WithExample("image", "--ref", "me.jpg", "--prompt", "portrait of a man smiling", "--num", "2");
            config.AddCommand<VideoCommand>("video").WithDescription("Videos of one image from the chosen models.")
                .WithExample("video", "--image", "img.png", "--models", "all", "--duration", "4");
            config.AddCommand<BatchCommand>("batch").WithDescription("People × outfits × settings × models × durations from a YAML/JSON manifest, with cost plan and budget.")
                .WithExample("batch", "assets/samples/batch.yaml", "--plan").WithExample("batch", "lookbook.yaml", "--budget", "25", "--report", "report.json");
            config.AddCommand<ResumeCommand>("resume").WithDescription("Finish interrupted runs: collect what fal already has by request id, send only what it never got.")
                .WithExample("resume").WithExample("resume", "0193ab", "--retry-failed");
            config.AddCommand<ReportCommand>("report").WithDescription("Per model: count, success rate, latency min/avg/p50/p95/max, cost — from the run store.")
                .WithExample("report").WithExample("report", "--run", "0193ab", "--json");
            config.AddCommand<ImportCommand>("import").WithDescription("Bring an existing outputs folder (the original tool's or Catwalk's) into the run store.")
                .WithExample("import", "old-project/outputs");
            config.AddCommand<DashboardCommand>("dashboard").WithDescription("The web dashboard over the run store on 127.0.0.1: overview, generations, exports.").WithExample("dashboard", "--port", "5180");
            config.AddCommand<ServerCommand>("server").WithDescription("Dashboard + Hangfire's dashboard (/jobs) + API over the shared PostgreSQL store; enqueues runs for `catwalk worker`s.")
                .WithExample("server", "--db", "Host=db;Database=catwalk;Username=catwalk").WithExample("server", "--db", "Host=db;Database=catwalk", "--host", "0.0.0.0", "--token", "s3cret");
            config.AddCommand<MetricsCommand>("metrics").WithDescription("A video's automatic quality metrics: spec, faithfulness to its input image, flicker, motion, defects.")
                .WithExample("metrics", "video.mp4", "--image", "img.png", "--duration", "5");
            config.AddCommand<ModelsCommand>("models").WithDescription("The model catalog: keys, durations, resolutions, audio, prices.");
            config.AddCommand<CheckCommand>("check").WithDescription("Is FAL_KEY set, is fal reachable, is the key accepted? Spends nothing.");
            config.AddCommand<WorkerCommand>("worker").WithDescription("Do queued jobs from the team's PostgreSQL database (with `catwalk server` and `batch --enqueue`); run as many as wanted.")
                .WithExample("worker", "--db", "Host=db;Database=catwalk;Username=catwalk", "--concurrency", "64");
            config.AddCommand<EmulatorCommand>("emulator").WithDescription("Run the fal-compatible emulator on 127.0.0.1.");
        });
        return app;
    }
}
