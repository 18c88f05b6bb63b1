using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>The values offered by the filter bar.</summary>
public sealed record FilterChoices(IReadOnlyList<string> Models, IReadOnlyList<RunRecord> Runs, IReadOnlyList<string> People, IReadOnlyList<string> Outfits);
