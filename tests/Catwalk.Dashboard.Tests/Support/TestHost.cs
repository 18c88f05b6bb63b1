namespace Catwalk.Dashboard.Tests.Support;

/// <summary>
/// This test project is the dashboard's host program (on the Web SDK, as the CLI is), so its static web assets
/// manifests serve MudBlazor, Plotly and Blazor's script; the test runner's own entry program has none.
/// </summary>
public static class TestHost
{
    public static string Name { get; } = typeof(TestHost).Assembly.GetName().Name!;
}
