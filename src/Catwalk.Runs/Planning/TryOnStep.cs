using Catwalk.Catalog;

namespace Catwalk.Runs.Planning;

/// <summary>
/// One call of a try-on chain: which of the look's outfit pictures it dresses (indexes into
/// <see cref="Specs.LookSpec.OutfitImages"/>), as what kind, and its job's input key. The last step's key is the look's
/// image key, so what consumes the dressed image is the same whatever model made it.
/// </summary>
public sealed record TryOnStep(int Index, int Count, IReadOnlyList<int> Garments, GarmentCategory? Category, string InputKey)
{
    public bool IsLast => Index == Count - 1;
}
