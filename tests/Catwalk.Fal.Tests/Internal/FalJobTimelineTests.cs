using System.Text.Json;
using Catwalk.Fal.Internal;

namespace Catwalk.Fal.Tests.Internal;

public class FalJobTimelineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);

    private static FalQueueStatus Status(FalQueueState state, double? inference = null) => new(state, null, [], inference, default(JsonElement));

    [Fact]
    public void Queue_wait_runs_to_the_first_in_progress_and_total_to_completed()
    {
        var timeline = new FalJobTimeline(T0);
        timeline.Observe(Status(FalQueueState.InQueue), T0.AddSeconds(1));
        timeline.Observe(Status(FalQueueState.InProgress), T0.AddSeconds(3));
        timeline.Observe(Status(FalQueueState.InProgress), T0.AddSeconds(5));
        timeline.Observe(Status(FalQueueState.Completed), T0.AddSeconds(10));
        timeline.ToTimings(now: T0.AddSeconds(11)) // the result fetch afterwards does not count
            .ShouldBe(new FalTimings(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Fals_inference_time_wins_and_queue_wait_is_the_rest()
    {
        var timeline = new FalJobTimeline(T0);
        timeline.Observe(Status(FalQueueState.InProgress), T0.AddSeconds(1));
        timeline.Observe(Status(FalQueueState.Completed, inference: 6.5), T0.AddSeconds(10));
        timeline.ToTimings(T0.AddSeconds(10)).ShouldBe(new FalTimings(TimeSpan.FromSeconds(3.5), TimeSpan.FromSeconds(6.5), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void An_inference_time_longer_than_we_waited_never_makes_queue_wait_negative()
    {
        var timeline = new FalJobTimeline(T0);
        timeline.Observe(Status(FalQueueState.Completed, inference: 30), T0.AddSeconds(10));
        var timings = timeline.ToTimings(T0.AddSeconds(10));
        timings.ShouldBe(new FalTimings(TimeSpan.Zero, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void A_job_first_seen_completed_counts_as_all_queue_wait_without_metrics()
    {
        var timeline = new FalJobTimeline(T0);
        timeline.Observe(Status(FalQueueState.InQueue), T0.AddSeconds(2));
        timeline.Observe(Status(FalQueueState.Completed), T0.AddSeconds(4));
        timeline.ToTimings(T0.AddSeconds(5)).ShouldBe(new FalTimings(TimeSpan.FromSeconds(4), TimeSpan.Zero, TimeSpan.FromSeconds(4)));
    }
}
