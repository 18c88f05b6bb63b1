using Catwalk.Dashboard.Data;
using Catwalk.Domain;
using Catwalk.Runs.Preference;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Dashboard.Tests.Data;

/// <summary>
/// What the dashboard now asks the database for (pages, filter choices, run counts, chart points and spans, vote counts)
/// against what it computed before from every job and vote, over one store on SQLite and PostgreSQL: names with mixed
/// case, accents and LIKE's wildcards, every state, missing latencies and costs, votes with ties and both-bad.
/// </summary>
public sealed class DashboardAggregatesTests
{
    private static readonly string[] Models = ["Veo3", "kling", "ltx_2", "émile", "luma"];

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Generations_pages_match_paging_every_job_in_memory(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        await SeedAsync(t.Store);
        var data = new DashboardData(t.Store, t.Store, t.Store, TimeProvider.System);
        var all = await t.Store.QueryJobsAsync(new JobQuery());
        foreach (var filter in new[] { new DashboardFilter(), new DashboardFilter { Model = "kling" }, new DashboardFilter { Person = "p1" } })
            foreach (var sort in new[] { "created", "model", "state", "latency", "cost", "input", null })
                foreach (var descending in new[] { false, true })
                    foreach (var search in new[] { null, "KLING", "ltx_", "%", "failed", "Émile", "p2/o" })
                        foreach (var page in new[] { 0, 2 })
                        {
                            var filtered = await data.JobsAsync(filter);
                            var (expected, expectedTotal) = GenerationsQuery.Apply(filtered, search, sort, descending, page, 7);
                            var (actual, total) = await data.GenerationsPageAsync(filter, search, sort, descending, page, 7);
                            var what = $"{filter} sort {sort} desc {descending} search '{search}' page {page}";
                            total.ShouldBe(expectedTotal, what);
                            actual.Select(j => j.Id).ShouldBe(expected.Select(j => j.Id), what);
                        }
        all.Count.ShouldBeGreaterThan(50);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Choices_runs_and_chart_points_match_reading_every_job(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        await SeedAsync(t.Store);
        var data = new DashboardData(t.Store, t.Store, t.Store, TimeProvider.System);
        var jobs = await t.Store.QueryJobsAsync(new JobQuery());

        var choices = await data.ChoicesAsync();
        static IReadOnlyList<string> Distinct(IEnumerable<string?> values) => [.. values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        choices.Models.ShouldBe(Distinct(jobs.Select(j => j.ModelKey)));
        choices.People.ShouldBe(Distinct(jobs.Select(j => j.PersonId)));
        choices.Outfits.ShouldBe(Distinct(jobs.Select(j => j.OutfitId)));
        var byId = jobs.ToDictionary(j => j.Id);
        var images = jobs.Where(j => j.Stage == StageKind.Image).ToList();
        choices.ImageModels.ShouldBe(Distinct(images.Select(j => j.ModelKey)));
        choices.Angles.ShouldBe(Distinct(images.Select(j => ImageAxes.AngleOf(j, byId))));
        choices.Angles.ShouldNotBeEmpty();

        var runs = await data.RecentRunsAsync(10);
        runs.Count.ShouldBe(3);
        foreach (var view in runs)
        {
            var expected = RunView.Of(view.Run, await t.Store.GetJobsAsync(view.Run.Id));
            view.Counts.ShouldBe(expected.Counts);
            (view.Jobs, view.EstimatedUsd, view.SpentUsd).ShouldBe((expected.Jobs, expected.EstimatedUsd, expected.SpentUsd));
        }

        // Few timed jobs: each one plotted.
        var timeline = await data.LatencyTimelineAsync(new DashboardFilter());
        timeline.Binned.ShouldBeFalse();
        var expectedTimed = jobs.Where(j => j.State == JobState.Downloaded && j.CachedFromJobId is null && j.LatencySec is not null).ToList();
        timeline.Points.Select(j => (j.Id, j.ModelKey, j.CreatedAt, j.LatencySec)).ShouldBe(expectedTimed.Select(j => (j.Id, j.ModelKey, j.CreatedAt, j.LatencySec)));
        timeline.Jobs.ShouldBe(expectedTimed.Count);
        // The database's bins are the ones computed from those jobs in memory, whatever the number of spans.
        foreach (var buckets in new[] { 1, 7, 200 })
            ShouldBeTheSame(await t.Store.LatencyTimelineAsync(new JobQuery(), buckets), LatencyBin.Of([.. expectedTimed.Select(j => (j.ModelKey, j.CreatedAt, j.LatencySec!.Value))], buckets), $"{buckets} spans");
        ShouldBeTheSame(await t.Store.LatencyTimelineAsync(new JobQuery { Models = ["kling"] }, 7),
            LatencyBin.Of([.. expectedTimed.Where(j => j.ModelKey == "kling").Select(j => (j.ModelKey, j.CreatedAt, j.LatencySec!.Value))], 7), "kling only");
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Many_timed_jobs_are_charted_as_spans_with_their_mean_fastest_and_slowest(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var start = new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var random = new Random(5);
        var jobs = Enumerable.Range(0, LatencyTimeline.MaxPoints + 101).Select(i => new JobRecord
        {
            Id = $"job-{i:D5}", RunId = "run-big", Stage = StageKind.Video, ModelKey = i % 3 == 0 ? "kling" : "ltx", EndpointId = "fal-ai/x", InputKey = $"look{i}@5s",
            State = i % 50 == 0 ? JobState.Failed : JobState.Downloaded, CostUsd = 0.5m, LatencySec = Math.Round(20 + random.NextDouble() * 60, 3),
            CreatedAt = start + i * 61_000L + random.Next(1000), UpdatedAt = start + i * 61_000L,
        }).ToList();
        await t.Store.CreateRunAsync(new RunRecord { Id = "run-big", Kind = RunKind.Batch, OutputRoot = "/tmp", CreatedAt = start, UpdatedAt = start, Status = RunStatus.Partial }, jobs);
        var timeline = await new DashboardData(t.Store, t.Store, t.Store, TimeProvider.System).LatencyTimelineAsync(new DashboardFilter());

        var timed = jobs.Where(j => j.State == JobState.Downloaded).ToList();
        timeline.Binned.ShouldBeTrue();
        timeline.Points.ShouldBeEmpty();
        timeline.Jobs.ShouldBe(timed.Count);
        timeline.Bins.Sum(b => b.Count).ShouldBe(timed.Count);
        timeline.Bins.Select(b => b.Bucket).Distinct().Count().ShouldBe(LatencyTimeline.Buckets);
        timeline.Bins.Select(b => b.ModelKey).Distinct().Order(StringComparer.Ordinal).ShouldBe(["kling", "ltx"]);
        ShouldBeTheSame(timeline.Bins, LatencyBin.Of([.. timed.Select(j => (j.ModelKey, j.CreatedAt, j.LatencySec!.Value))], LatencyTimeline.Buckets), "binned");
        timeline.Start.ShouldBe(timed.Min(j => j.CreatedAt));
        timeline.BinWidth.TotalMilliseconds.ShouldBe((timed.Max(j => j.CreatedAt) - timed.Min(j => j.CreatedAt) + 1) / (double)LatencyTimeline.Buckets, 1e-6);
        var traces = ChartTraces.Timeline(timeline);
        traces.Count.ShouldBe(2);
        traces.Cast<Plotly.Blazor.Traces.Scatter>().Sum(s => s.Y.Count).ShouldBe(timeline.Bins.Count);
    }

    private static void ShouldBeTheSame(IReadOnlyList<LatencyBin> actual, IReadOnlyList<LatencyBin> expected, string what)
    {
        actual.Select(b => (b.ModelKey, b.Bucket, b.Count, b.Min, b.Max, b.FirstAt, b.LastAt)).ShouldBe(expected.Select(b => (b.ModelKey, b.Bucket, b.Count, b.Min, b.Max, b.FirstAt, b.LastAt)), what);
        actual.Zip(expected).ShouldAllBe(p => Math.Abs(p.First.Mean - p.Second.Mean) < 1e-9, what); // sums in another order
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task The_leaderboard_from_vote_counts_rates_as_the_fit_over_every_vote(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        await SeedAsync(t.Store);
        var preference = new PreferenceData(t.Store, t.Store, t.Store, TimeProvider.System);
        var votes = await t.Store.GetVotesAsync();
        var videos = (await t.Store.QueryJobsAsync(new JobQuery { Stage = StageKind.Video })).ToDictionary(j => j.Id);
        foreach (var filter in new[] { new PreferenceFilter(), new PreferenceFilter(Setting: "beach"), new PreferenceFilter(Apparel: "dress"), new PreferenceFilter("street", "suit") })
        {
            var expected = BradleyTerry.Rank([.. votes.Where(v => filter.Matches(videos.GetValueOrDefault(v.LeftJobId))).Select(Comparison.Of)]);
            var board = await preference.LeaderboardAsync(filter);
            board.Ranking.Votes.ShouldBe(expected.Votes, filter.ToString());
            board.Ranking.Models.ShouldBe(expected.Models);
            board.Ranking.WinRate.ShouldBe(expected.WinRate);
            // The fit does not depend on the votes' order; the bootstrap's resampling does, so its interval only brackets the rating.
            board.Ranking.Ratings.Select(r => (r.Model, Math.Round(r.Rating, 6), r.Votes, r.Wins, r.Losses, r.Ties, r.BothBad))
                .ShouldBe(expected.Ratings.Select(r => (r.Model, Math.Round(r.Rating, 6), r.Votes, r.Wins, r.Losses, r.Ties, r.BothBad)));
            board.Ranking.Ratings.ShouldAllBe(r => r.Lower <= r.Rating && r.Rating <= r.Upper);
        }
        var all = await preference.LeaderboardAsync(new PreferenceFilter());
        all.Settings.ShouldBe(["beach", "street", "studio"]);
        all.Apparels.ShouldBe(["dress", "suit"]);
    }

    private static async Task SeedAsync(IRunStore store)
    {
        var random = new Random(11);
        var start = new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var settings = new[] { "studio", "beach", "street" };
        var apparels = new[] { "dress", "suit" };
        var videos = new List<JobRecord>();
        for (var r = 0; r < 3; r++)
        {
            var run = new RunRecord { Id = $"run-{r}", Kind = RunKind.Batch, OutputRoot = "/tmp", CreatedAt = start + r, UpdatedAt = start + r, Status = RunStatus.Partial, EstimatedCostUsd = r == 1 ? 0 : 12.5m };
            var jobs = new List<JobRecord>();
            for (var l = 0; l < 6; l++)
            {
                var look = $"p{l % 3}/o{l}/{settings[l % 3]}";
                var angle = l % 2 == 0 ? ",\"angle\":\"side\"" : "";
                var metadata = l == 5 ? "not json" : "{\"look\":{\"setting\":\"" + settings[(l + r) % 3] + "\",\"apparel_type\":\"" + apparels[l % 2] + "\"" + angle + "}}";
                var image = Job(random, run.Id, start, StageKind.Image, l % 2 == 0 ? "Nano" : "seedream", l % 2 == 0 ? look : $"{look}/back", look, null, metadata);
                jobs.Add(image);
                foreach (var model in Models)
                    jobs.Add(Job(random, run.Id, start, StageKind.Video, model, $"{look}@5s", look, image.Id, metadata, setting: l == 4 ? "beach" : null));
            }
            await store.CreateRunAsync(run, jobs);
            videos.AddRange(jobs.Where(j => j.Stage == StageKind.Video && j.State == JobState.Downloaded));
        }
        var outcomes = new[] { VoteOutcome.Left, VoteOutcome.Right, VoteOutcome.Tie, VoteOutcome.BothBad, VoteOutcome.Left };
        foreach (var group in videos.GroupBy(v => (v.RunId, v.InputKey)).Where(g => g.Count() >= 2))
        {
            var list = group.ToList();
            for (var v = 0; v < 6; v++)
            {
                var (a, b) = (list[random.Next(list.Count)], list[random.Next(list.Count)]);
                if (a.Id == b.Id) continue;
                await store.AddVoteAsync(new VoteRecord
                {
                    Id = Guid.CreateVersion7().ToString("N"), CreatedAt = start + random.Next(100_000), RunId = a.RunId, InputKey = a.InputKey, LeftJobId = a.Id, RightJobId = b.Id,
                    LeftModel = a.ModelKey, RightModel = b.ModelKey, Outcome = outcomes[random.Next(outcomes.Length)],
                });
            }
        }
    }

    private static JobRecord Job(Random random, string runId, long start, StageKind stage, string model, string input, string look, string? inputJob, string metadata, string? setting = null)
    {
        var state = (JobState)random.Next(8);
        if (random.NextDouble() < 0.5) state = JobState.Downloaded;
        var at = start + random.Next(30) * 86_400_000L + random.Next(1000); // several jobs at one time: ties broken by id
        return new JobRecord
        {
            Id = $"{runId}-{model}-{input}-{random.Next(1_000_000)}", RunId = runId, Stage = stage, ModelKey = model, EndpointId = $"fal-ai/{model}", InputKey = input, InputJobId = inputJob,
            LookId = look, PersonId = look.Split('/')[0], OutfitId = random.NextDouble() < 0.1 ? null : look.Split('/')[1], SettingId = setting, State = state,
            EstimatedCostUsd = 0.1m * random.Next(1, 6), CostUsd = state == JobState.Downloaded && random.NextDouble() < 0.8 ? 0.07m * random.Next(0, 6) : null,
            LatencySec = state == JobState.Downloaded && random.NextDouble() < 0.9 ? random.Next(1, 60) : null, // repeated values: ties broken by id
            CachedFromJobId = state == JobState.Downloaded && random.NextDouble() < 0.1 ? "cached" : null,
            Error = state == JobState.Failed ? (random.NextDouble() < 0.5 ? "Model_failed 100%" : "not run: its image failed") : null,
            Prompt = random.NextDouble() < 0.5 ? "A model walks" : null, MetadataJson = metadata, CreatedAt = at, UpdatedAt = at,
        };
    }
}
