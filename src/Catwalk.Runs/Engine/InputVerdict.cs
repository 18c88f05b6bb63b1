using Catwalk.Store;

namespace Catwalk.Runs.Engine;

/// <summary>What <see cref="InputRule"/> decided for a job, why (for the store and the user) and its inputs as read.</summary>
public sealed record InputVerdict(InputReadiness Readiness, string? Reason, IReadOnlyList<JobRecord> Inputs);
