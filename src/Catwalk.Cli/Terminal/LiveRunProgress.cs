using Catwalk.Generation;
using Catwalk.Runs.Execution;
using Catwalk.Store;
using Spectre.Console;

namespace Catwalk.Cli.Terminal;

/// <summary>Live progress bars: one per model and one for the whole run, with queued/running/done counts and ETA.</summary>
internal sealed class LiveRunProgress(ProgressContext context) : IRunObserver
{
    private const string Overall = "all jobs";
    private readonly JobPhaseCounts _counts = new();
    private readonly Dictionary<string, ProgressTask> _tasks = [];
    private readonly Lock _lock = new();

    /// <summary>Runs <paramref name="work"/> under live bars when the terminal can show them, else with plain lines.</summary>
    public static async Task<T> RunAsync<T>(IAnsiConsole console, bool verbose, Func<IRunObserver, Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive || !console.Profile.Capabilities.Ansi)
            return await work(new PlainRunProgress(console, verbose));
        return await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(ctx => work(new LiveRunProgress(ctx)));
    }

    public void Started(IReadOnlyList<JobRecord> jobs)
    {
        _counts.Start(jobs);
        lock (_lock)
        {
            foreach (var model in _counts.Models) _tasks[model] = context.AddTask(model, maxValue: Math.Max(1, _counts.Of(model).Sum()));
            _tasks[Overall] = context.AddTask(Overall, maxValue: Math.Max(1, jobs.Count));
        }
        foreach (var model in _tasks.Keys) Refresh(model == Overall ? null : model);
    }

    public void Moved(JobRecord job, JobPhase phase, string? detail)
    {
        if (!_counts.Move(job, phase)) return;
        Refresh(job.ModelKey);
        Refresh(null);
    }

    public void Progress(JobRecord job, GenerationProgress progress)
    {
        if (progress.Stage == GenerationStage.Running) Moved(job, JobPhase.Running, null);
    }

    private void Refresh(string? model)
    {
        var c = _counts.Of(model);
        int Count(JobPhase p) => c[(int)p];
        var ended = Count(JobPhase.Done) + Count(JobPhase.Failed) + Count(JobPhase.Skipped);
        var failed = Count(JobPhase.Failed) + Count(JobPhase.Skipped);
        var text = $"{Markup.Escape(model ?? Overall),-17} [grey]wait[/] {Count(JobPhase.Waiting),3} [grey]queued[/] {Count(JobPhase.Queued),3} [grey]running[/] {Count(JobPhase.Running),3} [green]done[/] {Count(JobPhase.Done),3}"
            + (failed > 0 ? $" [red]failed {failed}[/]" : "");
        lock (_lock)
        {
            if (!_tasks.TryGetValue(model ?? Overall, out var task)) return;
            task.Description = text;
            task.Value = ended;
        }
    }
}
