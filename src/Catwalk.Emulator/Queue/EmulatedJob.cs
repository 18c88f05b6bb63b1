using System.Text.Json.Nodes;
using Catwalk.Catalog;

namespace Catwalk.Emulator.Queue;

/// <summary>One submitted request and everything fal would know about it. Changes wake status streams.</summary>
internal sealed class EmulatedJob(string id, ModelDescriptor model, JsonObject input, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly List<JsonObject> _logs = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Id { get; } = id;
    public ModelDescriptor Model { get; } = model;
    public JsonObject Input { get; } = input;
    /// <summary>The media the input points at, fetched when the job starts (as fal's runner does), by field.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<byte[]>> Media { get; private set; } = new Dictionary<string, IReadOnlyList<byte[]>>();
    public DateTimeOffset SubmittedAt { get; } = time.GetUtcNow();
    /// <summary>When a runner took it (fal's <c>started_at</c>); null while queued or when it never ran.</summary>
    public DateTimeOffset? StartedAt { get; private set; }
    /// <summary>When it completed, whichever way.</summary>
    public DateTimeOffset? EndedAt { get; private set; }
    /// <summary>False when submitted with <c>X-Fal-Store-IO: 0</c>: fal keeps no input/output payloads in its request history.</summary>
    public bool StorePayloads { get; init; } = true;
    public JobState State { get; private set; } = JobState.InQueue;
    public double? InferenceSeconds { get; private set; }
    /// <summary>The model's output on success.</summary>
    public JsonObject? Output { get; private set; }
    /// <summary>The model's error (status code and body) on failure.</summary>
    public (int Status, JsonObject Body)? Error { get; private set; }
    /// <summary>Response headers that go with <see cref="Error"/>.</summary>
    public IReadOnlyDictionary<string, string> ErrorHeaders { get; private set; } = new Dictionary<string, string>();
    /// <summary>How long the caller lets the job wait for a runner (<c>x-fal-request-timeout</c>); null: no limit.</summary>
    public TimeSpan? StartTimeout { get; init; }

    public IReadOnlyList<JsonObject> Logs { get { lock (_gate) return [.. _logs]; } }

    /// <summary>Completes when anything about the job changes next.</summary>
    public Task Changed { get { lock (_gate) return _changed.Task; } }

    /// <summary>Moves a queued job to IN_PROGRESS; false when it already ended in the queue (cancelled, timed out).</summary>
    public bool TryStart()
    {
        var started = false;
        Update(() =>
        {
            if (State != JobState.InQueue) return;
            (State, started, StartedAt) = (JobState.InProgress, true, time.GetUtcNow());
        });
        return started;
    }

    public void Log(string message, DateTimeOffset at) =>
        Update(() => _logs.Add(new JsonObject { ["message"] = message, ["level"] = "INFO", ["source"] = "USER", ["timestamp"] = at.UtcDateTime.ToString("O") }));

    public void Succeed(JsonObject output, double inferenceSeconds) =>
        Update(() => (Output, InferenceSeconds, State, EndedAt) = (output, inferenceSeconds, JobState.Completed, time.GetUtcNow()));

    public void UseMedia(IReadOnlyDictionary<string, IReadOnlyList<byte[]>> media) => Media = media;

    public void Fail(int status, JsonObject body, double inferenceSeconds, IReadOnlyDictionary<string, string>? headers = null) => Update(() =>
    {
        (Error, InferenceSeconds, State, EndedAt) = ((status, body), inferenceSeconds, JobState.Completed, time.GetUtcNow());
        ErrorHeaders = headers ?? ErrorHeaders;
    });

    /// <summary>fal removes a queued job: it completes without running, and its result is the cancellation error.</summary>
    public bool CancelIfQueued() => EndIfQueued(400, new JsonObject { ["detail"] = "Request was cancelled" });

    /// <summary>
    /// The caller's start deadline (<c>x-fal-request-timeout</c>) passed while queued: fal completes the request with a
    /// 504 that says the user's timeout fired (so clients know not to retry it).
    /// </summary>
    public bool TimeOutIfQueued() => EndIfQueued(504, new JsonObject { ["detail"] = "Request timed out", ["error_type"] = "request_timeout" },
        new Dictionary<string, string> { ["X-Fal-Request-Timeout-Type"] = "user", ["X-Fal-Error-Type"] = "request_timeout" });

    private bool EndIfQueued(int status, JsonObject body, IReadOnlyDictionary<string, string>? headers = null)
    {
        var ended = false;
        Update(() =>
        {
            if (State != JobState.InQueue) return;
            (State, Error, ended, EndedAt) = (JobState.Completed, (status, body), true, time.GetUtcNow());
            ErrorHeaders = headers ?? ErrorHeaders;
        });
        return ended;
    }

    /// <summary>Re-raises the change signal (e.g. queue positions moved).</summary>
    public void Touch() => Update(() => { });

    private void Update(Action change)
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            change();
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        previous.TrySetResult();
    }
}
