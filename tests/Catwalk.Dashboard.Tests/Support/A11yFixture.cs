namespace Catwalk.Dashboard.Tests.Support;

/// <summary>The preference dashboard (three models, measured, priced, timed) with the scripted votes: every page has something to show.</summary>
public sealed class A11yFixture : IAsyncLifetime
{
    public VoteDashboard Dashboard { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Dashboard = await VoteDashboard.StartAsync();
        await Dashboard.ScriptedVotesAsync();
    }

    public async Task DisposeAsync()
    {
        if (Dashboard is not null) await Dashboard.DisposeAsync();
    }
}
