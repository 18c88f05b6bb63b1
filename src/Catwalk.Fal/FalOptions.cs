namespace Catwalk.Fal;

/// <summary>How to reach fal; bound from the "Fal" configuration section and validated at start.</summary>
public sealed class FalOptions
{
    public Uri QueueUrl { get; set; } = new("https://queue.fal.run");
    public Uri StorageUrl { get; set; } = new("https://rest.fal.ai");
    /// <summary>fal's Platform APIs (models, pricing, usage, request history).</summary>
    public Uri ApiUrl { get; set; } = new("https://api.fal.ai/v1");
    /// <summary>Sent only to the <see cref="QueueUrl"/>, <see cref="StorageUrl"/> and <see cref="ApiUrl"/> hosts. Null: calls go unauthenticated.</summary>
    public FalKey? Key { get; set; }
    /// <summary>An ADMIN-scope key for usage and billing (<c>FAL_ADMIN_KEY</c>); null: <see cref="Key"/> is used, which may be one.</summary>
    public FalKey? AdminKey { get; set; }
    /// <summary>Per HTTP attempt of a JSON call (not per job; see <see cref="FalWaitOptions.Timeout"/>).</summary>
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>Per media download (and per upload attempt).</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>
    /// How long fal keeps a file Catwalk uploads (<c>X-Fal-Object-Lifecycle</c>, whole seconds): long enough for later
    /// runs of the same look to reuse the reference instead of sending it again, short enough that a user's photos do
    /// not stay at fal for good.
    /// </summary>
    public TimeSpan UploadLifetime { get; set; } = TimeSpan.FromDays(7);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>
    /// A status stream silent this long is treated as broken (then polling takes over). fal's JS client uses 15 s, the
    /// same as fal's keep-alive period; a little slack keeps a keep-alive that is a moment late from counting as silence.
    /// </summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromSeconds(20);
    /// <summary>Retries per HTTP call for the failures <c>FalRetryRules</c> allows; 0 disables retries.</summary>
    public int MaxRetries { get; set; } = 4;
    /// <summary>
    /// How long a submit already on its way may still finish after the caller cancels (Ctrl+C), so its request id
    /// is recorded and the job collected later instead of being lost at fal or paid twice.
    /// </summary>
    public TimeSpan SubmitGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Sent with every submit as <c>x-fal-request-timeout</c>: fal drops a request it has not started by then, unbilled.
    /// It bounds how long a job whose answer was lost (the process stopped mid-send) can stay undecided: past it, a
    /// request fal's history does not show was never started, so it is safe to send again. Null: no deadline.
    /// </summary>
    public TimeSpan? StartDeadline { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long fal's request history may take to list a request that started: the margin after a start deadline before "not listed" means "dropped".</summary>
    public TimeSpan RequestHistoryLag { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// When the caller cancels a wait (Ctrl+C), a job not yet seen running is cancelled at fal, so nobody pays for a result
    /// nobody will collect. False for a worker: a job it stops waiting for is collected by the next worker by request id.
    /// </summary>
    public bool CancelQueuedJobsWhenAbandoned { get; set; } = true;
}
