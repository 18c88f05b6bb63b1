using Catwalk.Store;

namespace Catwalk.Runs.Reconciliation;

/// <summary>One unknown job's verdict and the plain reason for it (printed by resume).</summary>
public sealed record ReconciledJob(JobRecord Job, ReconcileVerdict Verdict, string Reason, string? RequestId = null);
