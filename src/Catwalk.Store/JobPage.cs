namespace Catwalk.Store;

/// <summary>A page of jobs and how many match in all.</summary>
public sealed record JobPage(IReadOnlyList<JobRecord> Jobs, int Total);
