namespace Catwalk.Store;

/// <summary>Which runs to list: newest first.</summary>
public sealed record RunQuery
{
    /// <summary>Only runs with a job that is not finished (planned, submitting, submitted, completed).</summary>
    public bool UnfinishedOnly { get; init; }
    public int Limit { get; init; } = 1000;
}
