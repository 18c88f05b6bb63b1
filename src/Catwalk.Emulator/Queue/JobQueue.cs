using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Emulator.Faults;
using Catwalk.Emulator.Validation;

namespace Catwalk.Emulator.Queue;

/// <summary>
/// fal's queue, imitated: each endpoint runs at most <see cref="FalEmulatorOptions.GpusPerEndpoint"/> jobs at once;
/// the rest wait IN_QUEUE with a position. A job waits its model's queue time, runs for its inference time (scaled,
/// jittered deterministically) while its media renders, then completes with the output or the error.
/// As on fal, the input is checked by the model when the job starts, not by the queue at submit: a bad input is queued,
/// runs, completes, and its result is the model's 422.
/// </summary>
internal sealed class JobQueue(FalEmulatorOptions options, ModelSimulator simulator, FaultInjector faults, MediaResolver media) : IDisposable
{
    private readonly ConcurrentDictionary<string, EmulatedJob> _jobs = new();
    private readonly ConcurrentDictionary<string, Lane> _lanes = new();
    private readonly CancellationTokenSource _shutdown = new();
    private int _sequence;

    private TimeProvider Time => options.TimeProvider;

    public EmulatedJob Enqueue(ModelDescriptor model, JsonObject input, TimeSpan? startTimeout = null, bool storePayloads = true)
    {
        var job = new EmulatedJob(Guid.CreateVersion7().ToString(), model, input, Time) { StartTimeout = startTimeout, StorePayloads = storePayloads };
        _jobs[job.Id] = job;
        var lane = _lanes.GetOrAdd(model.EndpointId, _ => new Lane(options.GpusPerEndpoint));
        lock (lane.Waiting) lane.Waiting.Add(job);
        var sequence = Interlocked.Increment(ref _sequence);
        _ = Task.Run(() => RunAsync(job, lane, sequence));
        return job;
    }

    public EmulatedJob? Find(string requestId) => _jobs.GetValueOrDefault(requestId);

    /// <summary>Every request the emulator took, in no particular order (its request history).</summary>
    public IEnumerable<EmulatedJob> All => _jobs.Values;

    public int? PositionOf(EmulatedJob job)
    {
        if (!_lanes.TryGetValue(job.Model.EndpointId, out var lane)) return null;
        lock (lane.Waiting) { var i = lane.Waiting.IndexOf(job); return i < 0 ? 0 : i; }
    }

    public bool CancelIfQueued(EmulatedJob job)
    {
        if (!job.CancelIfQueued()) return false;
        Leave(job);
        return true;
    }

    private async Task RunAsync(EmulatedJob job, Lane lane, int sequence)
    {
        var token = _shutdown.Token;
        var jitter = 0.8 + 0.4 * new Random(unchecked(options.Seed * 7919 + sequence)).NextDouble();
        var queueTime = TimeSpan.FromSeconds(job.Model.Latency.QueueSeconds * options.LatencyScale * jitter);
        var inferenceTime = TimeSpan.FromSeconds(job.Model.Latency.InferenceSeconds * options.LatencyScale * jitter);
        // The start deadline covers waiting for a GPU and the queue time; once running, a job is never cut short.
        using var deadline = job.StartTimeout is { } limit ? new CancellationTokenSource(limit, Time) : new CancellationTokenSource();
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(token, deadline.Token);
        try
        {
            await lane.Slots.WaitAsync(waiting.Token);
        }
        catch (OperationCanceledException)
        {
            if (!token.IsCancellationRequested && job.TimeOutIfQueued()) Leave(job);
            return;
        }
        try
        {
            var waited = Time.GetUtcNow() - job.SubmittedAt;
            if (queueTime > waited) await Task.Delay(queueTime - waited, Time, waiting.Token);
            if (job.State != JobState.InQueue) return; // cancelled while queued: its GPU goes straight to the next job
            Leave(job);
            if (!job.TryStart()) return;
            var started = Time.GetTimestamp();
            job.Log($"Runner assigned; loading {job.Model.DisplayName}", Time.GetUtcNow());
            if (Validate(job) is { Count: > 0 } problems)
            {
                job.Log("Input validation failed", Time.GetUtcNow());
                job.Fail(422, InputProblem.Detail(problems), Math.Round(Time.GetElapsedTime(started).TotalSeconds, 3), new Dictionary<string, string> { ["X-Fal-Retryable"] = "false" });
                return;
            }
            var fault = faults.Roll(FaultStage.Job, job.Model);
            if (fault?.Kind == FaultKind.NeverFinishes)
            {
                job.Log("Runner stopped responding", Time.GetUtcNow());
                await Task.Delay(Timeout.InfiniteTimeSpan, Time, token); // until the emulator stops
            }
            var render = simulator.RunAsync(job, token);
            await Task.Delay(inferenceTime, Time, token);
            if (fault?.Kind == FaultKind.JobFails)
            {
                _ = render.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted); // the output is discarded
                job.Fail(500, new JsonObject { ["detail"] = "The model failed while generating (injected fault).", ["error_type"] = "downstream_service_error" },
                    Math.Round(Time.GetElapsedTime(started).TotalSeconds, 3));
                return;
            }
            job.Log("Inference finished; encoding output", Time.GetUtcNow());
            var output = await render;
            job.Succeed(output, Math.Round(Time.GetElapsedTime(started).TotalSeconds, 3));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested) { }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && job.State == JobState.InQueue)
        {
            if (job.TimeOutIfQueued()) Leave(job);
        }
        catch (Exception e)
        {
            job.Fail(500, new JsonObject { ["detail"] = $"Internal error while running the model: {e.Message}", ["error_type"] = "internal_server_error" }, 0);
        }
        finally
        {
            lane.Slots.Release();
        }
    }

    /// <summary>The model's own check of its input: the published schema, then fetching and decoding the media it points at.</summary>
    private IReadOnlyList<InputProblem> Validate(EmulatedJob job)
    {
        var problems = InputValidator.Validate(job.Model, job.Input);
        if (problems.Count > 0) return problems;
        var (fetched, mediaProblems) = media.Resolve(job.Model, job.Input);
        job.UseMedia(fetched);
        return mediaProblems;
    }

    /// <summary>Takes a job out of its lane's waiting list; the jobs behind it move up (and their streams hear of it).</summary>
    private void Leave(EmulatedJob job)
    {
        if (!_lanes.TryGetValue(job.Model.EndpointId, out var lane)) return;
        List<EmulatedJob> behind;
        lock (lane.Waiting)
        {
            var index = lane.Waiting.IndexOf(job);
            if (index < 0) return;
            lane.Waiting.RemoveAt(index);
            behind = lane.Waiting.Skip(index).ToList();
        }
        foreach (var other in behind) other.Touch();
    }

    public void Dispose()
    {
        _shutdown.Cancel();
        _shutdown.Dispose();
    }

    private sealed class Lane(int gpus)
    {
        public SemaphoreSlim Slots { get; } = new(gpus, gpus);
        public List<EmulatedJob> Waiting { get; } = [];
    }
}
