using System.Text.Json.Nodes;
using Catwalk.Catalog;

namespace Catwalk.Emulator.Queue;

/// <summary>One submitted request and everything fal would know about it. Changes wake status streams.</summary>
internal sealed class EmulatedJob(string id, ModelDescriptor model, JsonObject input, IReadOnlyDictionary<string, IReadOnlyList<byte[]>> media, DateTimeOffset submittedAt)
{
    private readonly Lock _gate = new();
    private readonly List<JsonObject> _logs = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Id { get; } = id;
    public ModelDescriptor Model { get; } = model;
    public JsonObject Input { get; } = input;
    public IReadOnlyDictionary<string, IReadOnlyList<byte[]>> Media { get; } = media;
    public DateTimeOffset SubmittedAt { get; } = submittedAt;
    public JobState State { get; private set; } = JobState.InQueue;
    public bool Cancelled { get; private set; }
    public double? InferenceSeconds { get; private set; }
    /// <summary>The model's output on success.</summary>
    public JsonObject? Output { get; private set; }
    /// <summary>The model's error (status code and body) on failure.</summary>
    public (int Status, JsonObject Body)? Error { get; private set; }

    public IReadOnlyList<JsonObject> Logs { get { lock (_gate) return [.. _logs]; } }

    /// <summary>Completes when anything about the job changes next.</summary>
    public Task Changed { get { lock (_gate) return _changed.Task; } }

    public void Start() => Update(() => State = JobState.InProgress);

    public void Log(string message, DateTimeOffset at) =>
        Update(() => _logs.Add(new JsonObject { ["message"] = message, ["level"] = "INFO", ["source"] = "USER", ["timestamp"] = at.UtcDateTime.ToString("O") }));

    public void Succeed(JsonObject output, double inferenceSeconds) => Update(() => (Output, InferenceSeconds, State) = (output, inferenceSeconds, JobState.Completed));

    public void Fail(int status, JsonObject body, double inferenceSeconds) => Update(() => (Error, InferenceSeconds, State) = ((status, body), inferenceSeconds, JobState.Completed));

    /// <summary>fal removes a queued job: it completes without running, and its result is the cancellation error.</summary>
    public bool CancelIfQueued()
    {
        var cancelled = false;
        Update(() =>
        {
            if (State != JobState.InQueue) return;
            (Cancelled, State, cancelled) = (true, JobState.Completed, true);
            Error = (400, new JsonObject { ["detail"] = "Request was cancelled" });
        });
        return cancelled;
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
