namespace Catwalk.Dashboard.Tests.Support;

/// <summary>An element that breaks an axe rule: its selector, its markup, and axe's summary of the fix.</summary>
public sealed record AxeNode(string Target, string Html, string Summary);
