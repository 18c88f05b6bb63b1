namespace Catwalk.Fal.Platform;

/// <summary>One page of a Platform API list; <see cref="NextCursor"/> fetches the next one (null on the last).</summary>
public sealed record FalPage<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    public bool HasMore => NextCursor is not null;
}
