using Catwalk.Domain;
using Catwalk.Dashboard.Tests.Support;
using Catwalk.Runs.Specs;
using Catwalk.Store;

namespace Catwalk.Dashboard.Tests.Launch;

public sealed class RunServiceLauncherTests
{
    internal static RunSpec SampleSpec(params string[] models) => new()
    {
        Kind = RunKind.Run, Name = "dashboard", Models = models,
        Looks = [new LookSpec { Id = "look", PersonImage = LaunchDashboard.Sample("person.png"), OutfitImages = [LaunchDashboard.Sample("outfit-top.png")] }],
    };

    [Fact]
    public async Task A_started_run_is_stored_at_once_and_executed_in_the_background()
    {
        await using var dashboard = await LaunchDashboard.StartAsync(latencyScale: 0);
        var plan = dashboard.Launcher.Plan(SampleSpec("pika", "ltx"));
        (plan.ImageJobs, plan.VideoJobs).ShouldBe((1, 2));
        plan.EstimatedCostUsd.ShouldBeGreaterThan(0);

        var id = await dashboard.Launcher.StartAsync(SampleSpec("pika", "ltx"));
        (await dashboard.Store.GetRunAsync(id)).ShouldNotBeNull().Emulated.ShouldBeTrue();
        await dashboard.Launcher.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var jobs = await dashboard.Store.GetJobsAsync(id);
        jobs.Count.ShouldBe(3);
        jobs.ShouldAllBe(j => j.State == JobState.Downloaded, string.Join("; ", jobs.Select(j => j.Error)));
        (await dashboard.Store.GetRunAsync(id)).ShouldNotBeNull().Status.ShouldBe(RunStatus.Completed);
    }

    [Fact]
    public async Task Stopping_the_dashboard_cancels_its_runs_and_leaves_them_resumable()
    {
        var dashboard = await LaunchDashboard.StartAsync(latencyScale: 5); // slow enough to still be at fal when stopped
        var store = dashboard.Store;
        var id = await dashboard.Launcher.StartAsync(SampleSpec("pika"));
        await Task.Delay(500);
        dashboard.Launcher.Active.ShouldBe(1);
        await dashboard.Launcher.DisposeAsync();
        dashboard.Launcher.Active.ShouldBe(0);
        var run = (await store.GetRunAsync(id)).ShouldNotBeNull();
        run.Status.ShouldBe(RunStatus.Interrupted);
        run.SpecJson.ShouldNotBeNull(); // what `catwalk resume` needs
        await Should.ThrowAsync<ObjectDisposedException>(() => dashboard.Launcher.StartAsync(SampleSpec("pika")));
        await dashboard.DisposeAsync();
    }

    [Theory]
    [InlineData(0)]   // before the plan is read back
    [InlineData(20)]  // while the references are prepared
    [InlineData(150)] // with the image at fal
    public async Task Stopping_at_any_moment_leaves_the_run_interrupted_never_running(int delayMs)
    {
        var dashboard = await LaunchDashboard.StartAsync(latencyScale: 5);
        var id = await dashboard.Launcher.StartAsync(SampleSpec("pika"));
        await Task.Delay(delayMs);
        await dashboard.Launcher.DisposeAsync();
        var jobs = await dashboard.Store.GetJobsAsync(id);
        (await dashboard.Store.GetRunAsync(id)).ShouldNotBeNull().Status
            .ShouldBe(RunStatus.Interrupted, string.Join("; ", jobs.Select(j => $"{j.Stage.Name()} {j.State} {j.Error}")));
        await dashboard.DisposeAsync();
    }
}
