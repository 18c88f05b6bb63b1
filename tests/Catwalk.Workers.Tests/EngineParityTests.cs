using Catwalk.Domain;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Workers.Tests;

/// <summary>
/// One engine: the same graph (a look's image, consumed by two video jobs) ends in the same job states whether one
/// process runs it or two workers run it job by job, for each way its image can end.
/// </summary>
public class EngineParityTests
{
    public sealed record Case(string Name, string[] Faults, decimal? Budget, int? TimeoutSeconds, JobState Image, JobState Videos, string? VideoError);

    private static readonly Case[] Cases =
    [
        new("input done", [], null, null, JobState.Downloaded, JobState.Downloaded, null),
        new("input failed", ["job@nano-banana-edit=job-fails x1"], null, null, JobState.Failed, JobState.Failed, "not run: its image job failed: "),
        new("input unknown", ["submit@nano-banana-edit=lost-submit x1"], null, null, JobState.Unknown, JobState.Failed, "not run: its image job unknown: "),
        new("held by budget", [], 0.001m, null, JobState.Planned, JobState.Planned, null),
        new("still at fal past the timeout", ["job@nano-banana-edit=never-finishes x1"], null, 1, JobState.Submitted, JobState.Planned, null),
    ];

    public static TheoryData<string, string> EnginesAndCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var engine in TestStore.Engines) foreach (var c in Cases) data.Add(engine, c.Name);
        return data;
    }

    [Theory, MemberData(nameof(EnginesAndCases))]
    public async Task One_process_and_two_workers_end_the_same_graph_in_the_same_states(string engine, string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var inProcess = await RunAsync(engine, c, byWorkers: false);
        var byWorkers = await RunAsync(engine, c, byWorkers: true);

        byWorkers.ShouldBe(inProcess);
        inProcess.Image.ShouldBe(c.Image);
        inProcess.Videos.ShouldAllBe(v => v.State == c.Videos);
        foreach (var (_, error) in inProcess.Videos)
            if (c.VideoError is null) error.ShouldBeNull();
            else error.ShouldNotBeNull().ShouldStartWith(c.VideoError);
    }

    /// <summary>The states the run's jobs end in (video errors cut at the image's own words, which differ by request id).</summary>
    private sealed record Ending(JobState Image, IReadOnlyList<(JobState State, string? Error)> Videos)
    {
        public bool Equals(Ending? other) => other is not null && Image == other.Image && Videos.SequenceEqual(other.Videos);
        public override int GetHashCode() => Image.GetHashCode();
        public override string ToString() => $"image {Image}; videos {string.Join(", ", Videos.Select(v => $"{v.State} ({v.Error})"))}";
    }

    private static async Task<Ending> RunAsync(string engine, Case c, bool byWorkers)
    {
        await using var h = await WorkersHarness.StartAsync(engine, faults: c.Faults);
        var run = await h.StoreRunAsync(h.Batch(1, ["pika", "ltx"], budget: c.Budget) with { TimeoutSeconds = c.TimeoutSeconds });
        var jobs = await h.Runs.GetJobsAsync(run.Id);
        if (byWorkers)
        {
            // As the queue orders them: the image job, then its videos as continuations, spread over both workers.
            await h.Worker(0).RunAsync(run.Id, jobs.Single(j => j.Stage == StageKind.Image).Id, default);
            var videos = jobs.Where(j => j.Stage == StageKind.Video).ToList();
            await Task.WhenAll(videos.Select((v, i) => h.Worker(i % 2).RunAsync(run.Id, v.Id, default)));
        }
        else await h.RunService.ExecuteAsync(run);

        var after = await h.Runs.GetJobsAsync(run.Id);
        return new Ending(
            after.Single(j => j.Stage == StageKind.Image).State,
            [.. after.Where(j => j.Stage == StageKind.Video).OrderBy(j => j.ModelKey, StringComparer.Ordinal).Select(j => (j.State, Cut(j.Error)))]);
    }

    private static string? Cut(string? error) => error?[..Math.Min(error.Length, "not run: its image job unknown: ".Length)];
}
