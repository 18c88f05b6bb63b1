using Catwalk.Dashboard.Data;
using Catwalk.Runs.Queue;
using Plotly.Blazor.Traces;

namespace Catwalk.Dashboard.Tests.Data;

public sealed class ClusterTracesTests
{
    [Fact]
    public void Every_minute_of_the_window_is_a_bar_and_minutes_without_jobs_are_zero()
    {
        var now = new DateTimeOffset(2025, 3, 14, 10, 30, 20, TimeSpan.Zero);
        var minute = (DateTimeOffset t) => t.ToUnixTimeMilliseconds() / 60_000 * 60_000;
        var snapshot = new ClusterSnapshot
        {
            Workers = [], Queues = [], SlotsByEndpoint = new Dictionary<string, int>(),
            PerMinute = [new(minute(now.AddMinutes(-3)), 4), new(minute(now), 2)],
        };
        var bar = new Bar();

        ClusterTraces.Throughput(bar, snapshot, now);

        bar.X.Count.ShouldBe(15);
        bar.X[0].ShouldBe(new DateTime(2025, 3, 14, 10, 16, 0, DateTimeKind.Utc));
        bar.X[^1].ShouldBe(new DateTime(2025, 3, 14, 10, 30, 0, DateTimeKind.Utc));
        bar.Y.Cast<int>().ShouldBe([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 2]);
    }
}
