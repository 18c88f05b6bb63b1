namespace Catwalk.Store;

/// <summary>One state change of a job.</summary>
public sealed record JobEvent(string JobId, int Seq, long At, string State, string? Detail);
