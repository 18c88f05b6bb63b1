using Catwalk.Domain;
using System.Collections.Concurrent;
using System.Reflection;
using Catwalk.Generation;
using Catwalk.Runs.Execution;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Runs.Tests.Execution;

public class StoreProgressObserverTests
{
    private static readonly JobRecord Job = new() { Id = "job-1", RunId = "run-1", Stage = StageKind.Video, ModelKey = "pika", EndpointId = "fal-ai/pika", InputKey = "look" };

    private static GenerationProgress Queued(int position) => new("pika", GenerationStage.Queued, "req", position, []);
    private static GenerationProgress Running(params string[] logs) => new("pika", GenerationStage.Running, "req", null, logs);

    [Fact]
    public async Task Log_lines_are_throttled_but_none_is_lost_and_order_is_kept()
    {
        var store = RecordingStore.Create();
        var inner = new CountingObserver();
        await using (var observer = new StoreProgressObserver(store, inner, interval: TimeSpan.FromSeconds(1)))
        {
            observer.Progress(Job, Queued(2));
            for (var i = 0; i < 200; i++) observer.Progress(Job, Running($"line {i}"));
            await Task.Delay(300);
        }
        inner.Progress.ShouldBe(201); // the inner observer sees everything, unthrottled
        var writes = RecordingStore.Writes(store);
        writes.Count.ShouldBeLessThanOrEqualTo(4, string.Join(" | ", writes)); // queued, running, then at most one a second, then the final flush
        writes.SelectMany(w => w.Logs).ShouldBe(Enumerable.Range(0, 200).Select(i => $"line {i}"));
        writes[^1].Running.ShouldBeTrue();
    }

    [Fact]
    public async Task A_change_of_queue_position_or_running_is_written_at_once()
    {
        var store = RecordingStore.Create();
        await using var observer = new StoreProgressObserver(store, interval: TimeSpan.FromHours(1));
        observer.Progress(Job, Queued(3));
        await WaitForAsync(() => RecordingStore.Writes(store).Count == 1);
        observer.Progress(Job, Queued(3)); // no change: waits for the (hour-long) interval
        observer.Progress(Job, Queued(1));
        await WaitForAsync(() => RecordingStore.Writes(store).Count == 2);
        observer.Progress(Job, Running("started"));
        await WaitForAsync(() => RecordingStore.Writes(store).Count == 3);
        var writes = RecordingStore.Writes(store);
        writes.Select(w => (w.QueuePosition, w.Running)).ShouldBe([(3, false), (1, false), ((int?)null, true)]);
        writes[2].Logs.ShouldBe(["started"]);
    }

    [Theory]
    [InlineData(JobPhase.Done)]
    [InlineData(JobPhase.Failed)]
    [InlineData(JobPhase.Skipped)]
    public async Task A_job_that_ended_is_forgotten_once_its_last_lines_are_written(JobPhase end)
    {
        // One observer serves a worker for its whole life: what it keeps must not grow with every job it ever saw.
        var store = RecordingStore.Create();
        await using var observer = new StoreProgressObserver(store, interval: TimeSpan.FromHours(1));
        for (var i = 0; i < 50; i++)
        {
            var job = Job with { Id = $"job-{i}" };
            observer.Progress(job, Queued(1));
            observer.Progress(job, Running("started"));
            await WaitForAsync(() => RecordingStore.Writes(store).Count(w => w.JobId == job.Id) >= 1);
            observer.Progress(job, new GenerationProgress("pika", GenerationStage.Completed, "req", null, ["done"]));
            observer.Moved(job, JobPhase.Running, null); // not an end: still remembered
            observer.Moved(job, end, null);
        }
        await WaitForAsync(() => observer.JobsRemembered == 0);
        // Nothing was dropped on the way: every job's last line was written, with the state it was last seen in.
        var writes = RecordingStore.Writes(store);
        for (var i = 0; i < 50; i++) writes.Where(w => w.JobId == $"job-{i}").SelectMany(w => w.Logs).ShouldContain("done");
        writes.Where(w => w.Logs.Contains("done")).ShouldAllBe(w => w.Running);
    }

    [Fact]
    public async Task A_failing_store_never_fails_the_job()
    {
        var store = RecordingStore.Create(fail: true);
        await using var observer = new StoreProgressObserver(store);
        Should.NotThrow(() => observer.Progress(Job, Running("x")));
        await observer.DisposeAsync();
        Should.NotThrow(() => observer.Progress(Job, Running("after the end")));
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Every_executed_run_records_fals_logs_in_the_store(string engine)
    {
        await using var h = await RunsHarness.StartAsync(engine, latencyScale: 0.01);
        var run = await h.Runs.CreateAsync(h.Batch(1, ["pika", "ltx"]), h.OutputRoot, emulated: true);
        var outcome = await h.Runs.ExecuteAsync(run);
        outcome.Jobs.ShouldAllBe(j => j.State == JobState.Downloaded);
        var jobs = await h.Store.Store.GetJobsAsync(run.Id);
        jobs.ShouldAllBe(j => j.LastLogLines().Count > 0, string.Join("; ", jobs.Select(j => $"{j.ModelKey}: {j.LastLogs}")));
        jobs.ShouldAllBe(j => j.LastLogLines().Count <= IRunStore.KeptLogLines);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("condition not met in 10 s");
            await Task.Delay(20);
        }
    }

    private sealed class CountingObserver : IRunObserver
    {
        public int Progress;
        public void Started(IReadOnlyList<JobRecord> jobs) { }
        public void Moved(JobRecord job, JobPhase phase, string? detail) { }
        void IRunObserver.Progress(JobRecord job, GenerationProgress progress) => Interlocked.Increment(ref Progress);
    }

    public sealed record ProgressWrite(string JobId, int? QueuePosition, bool Running, IReadOnlyList<string> Logs);

    /// <summary>An <see cref="IRunStore"/> that only records <see cref="IRunStore.RecordProgressAsync"/> calls.</summary>
    public class RecordingStore : DispatchProxy
    {
        private readonly ConcurrentQueue<ProgressWrite> _writes = new();
        private bool _fail;

        public static IRunStore Create(bool fail = false)
        {
            var store = DispatchProxy.Create<IRunStore, RecordingStore>();
            ((RecordingStore)(object)store)._fail = fail;
            return store;
        }

        public static IReadOnlyList<ProgressWrite> Writes(IRunStore store) => [.. ((RecordingStore)(object)store)._writes];

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            if (method?.Name != nameof(IRunStore.RecordProgressAsync)) throw new NotSupportedException(method?.Name);
            if (args is [IReadOnlyList<JobProgress> batch, _])
            {
                if (_fail) return Task.FromException<int>(new InvalidOperationException("the store is down"));
                foreach (var p in batch) _writes.Enqueue(new ProgressWrite(p.JobId, p.QueuePosition, p.Running, [.. p.NewLogs]));
                return Task.FromResult(batch.Count);
            }
            if (_fail) return Task.FromException<bool>(new InvalidOperationException("the store is down"));
            _writes.Enqueue(new ProgressWrite((string)args![0]!, (int?)args[1], (bool)args[2]!, [.. (IReadOnlyList<string>)args[3]!]));
            return Task.FromResult(true);
        }
    }
}
