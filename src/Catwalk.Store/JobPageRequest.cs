namespace Catwalk.Store;

/// <summary>
/// One page of the jobs a <see cref="JobQuery"/> selects: those with <see cref="Search"/> (case-insensitive) in their id,
/// run, model, input, stage, prompt, person, outfit, state or error, sorted, <see cref="PageSize"/> from page <see cref="Page"/> (0-based).
/// </summary>
public sealed record JobPageRequest
{
    public string? Search { get; init; }
    public JobSort Sort { get; init; } = JobSort.Created;
    public bool Descending { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 25;
}
