namespace Catwalk.Dashboard.Tests.Support;

/// <summary>One axe rule broken on a page, with the elements that break it.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<AxeNode> Nodes);
