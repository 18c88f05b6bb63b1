using System.Text.Json;
using Catwalk.Domain;
using Catwalk.Quality;
using Catwalk.Quality.Fashion;
using Catwalk.Runs.Quality;
using Catwalk.Runs.Reports;
using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Runs.Tests.Reports;

/// <summary>
/// The report the database aggregates (<see cref="TallyReportBuilder"/>) against <see cref="ReportBuilder.Build"/> over
/// the same jobs read back from the same store, per model and in total, on SQLite and PostgreSQL: every state, jobs
/// never sent, reused results, missing timings, awkward prices, bills on some jobs, metrics on some videos and images,
/// and latency samples of 1, 2, 3, 20, 21 and 137 (the percentiles' edge cases).
/// </summary>
public class TallyReportBuilderTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task The_aggregated_report_equals_the_report_built_from_every_job(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var (first, second) = await SeedAsync(t.Store, new Random(7));

        foreach (var query in new[]
        {
            new JobQuery(),
            new JobQuery { RunId = first },
            new JobQuery { Models = ["m137", "img"], From = Now.AddDays(-20), To = Now.AddDays(-3) },
            new JobQuery { PersonId = "p1" },
            new JobQuery { RunId = second, Stage = StageKind.Video },
        })
        {
            var jobs = await t.Store.QueryJobsAsync(query);
            jobs.Count.ShouldBeGreaterThan(0);
            var expected = ReportBuilder.Build(jobs, [.. jobs.Select(j => j.RunId).Distinct(StringComparer.Ordinal)], Now) with { JobLines = [], Matrix = [] };
            var actual = await TallyReportBuilder.BuildAsync(t.Store, query, Now);
            Json(actual).ShouldBe(Json(expected), $"query {query}");
            actual.Models.Count.ShouldBe(expected.Models.Count);
        }
        var all = await TallyReportBuilder.BuildAsync(t.Store, new JobQuery(), Now);
        all.Models.Single(m => m.ModelKey == "m137").Latency.ShouldNotBeNull().P95.ShouldBeGreaterThan(0);
        all.Models.Single(m => m.ModelKey == "m137").Quality.ShouldNotBeNull().Measured.ShouldBeGreaterThan(0);
        all.Models.Single(m => m.ModelKey == "img").Quality.ShouldNotBeNull().FashionMeasured.ShouldBeGreaterThan(0);
        var videoFashion = all.Models.Single(m => m.ModelKey == "m137").Quality!;
        (videoFashion.FashionMeasured, videoFashion.FashionFlagged).ShouldSatisfyAllConditions(f => f.FashionMeasured.ShouldBeGreaterThan(0), f => f.FashionFlagged.ShouldBeGreaterThan(0));
        videoFashion.FullBodyShare.ShouldNotBeNull();
        all.BilledJobs.ShouldBeGreaterThan(0);
        all.NotRun.ShouldBeGreaterThan(0);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task The_evidence_read_narrow_weighs_the_same_as_every_job_read_whole(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var (first, _) = await SeedAsync(t.Store, new Random(11));
        foreach (var query in new[] { new JobQuery(), new JobQuery { RunId = first }, new JobQuery { PersonId = "p1", Stage = StageKind.Video } })
        {
            var whole = await t.Store.QueryJobsAsync(query);
            var narrow = await t.Store.EvidenceJobsAsync(query);
            narrow.Select(j => j.Id).ShouldBe(whole.Select(j => j.Id), $"query {query}: the same jobs in the same order");
            foreach (var stage in new[] { StageKind.Video, StageKind.Image })
                JsonSerializer.Serialize(Catwalk.Runs.Recommendation.ModelEvidenceBuilder.Of(narrow, stage))
                    .ShouldBe(JsonSerializer.Serialize(Catwalk.Runs.Recommendation.ModelEvidenceBuilder.Of(whole, stage)), $"query {query}, {stage}");
            narrow.Select(j => (j.FilePath, j.ContentType, j.CreatedAt, j.InputJobId, j.RunId, j.InputKey))
                .ShouldBe(whole.Select(j => (j.FilePath, j.ContentType, j.CreatedAt, j.InputJobId, j.RunId, j.InputKey)));
        }
        // The limit a job list has does not cut the evidence short.
        (await t.Store.EvidenceJobsAsync(new JobQuery { Limit = 3 })).Count.ShouldBe((await t.Store.QueryJobsAsync(new JobQuery())).Count);
    }

    private static string Json(RunReport report) => JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true });

    private static async Task<(string First, string Second)> SeedAsync(IRunStore store, Random random)
    {
        var runs = new[] { "run-a", "run-b" };
        var bills = new List<JobBill>();
        var metrics = new List<(string, string)>();
        foreach (var run in runs)
        {
            var jobs = new List<JobRecord>();
            foreach (var (model, saved) in new[] { ("m1", 1), ("m2", 2), ("m3", 3), ("m20", 20), ("m21", 21), ("m137", 137), ("img", 30) })
            {
                var stage = model == "img" ? StageKind.Image : StageKind.Video;
                var prices = new[] { 0.1m, 0.07m, 0.333m, 1.2345m };
                for (var i = 0; i < saved + 12; i++)
                {
                    var state = i < saved ? JobState.Downloaded : (JobState)(i % 8);
                    var neverSent = state == JobState.Failed && i % 3 == 0;
                    var reused = state == JobState.Downloaded && i % 9 == 4;
                    var at = Now.AddDays(-random.Next(1, 30)).ToUnixTimeMilliseconds() + i;
                    var done = state == JobState.Downloaded;
                    var price = prices[random.Next(prices.Length)];
                    var job = new JobRecord
                    {
                        Id = $"{run}-{model}-{i}", RunId = run, Stage = stage, ModelKey = model, EndpointId = $"fal-ai/{model}", InputKey = $"look{i}@5s",
                        PersonId = $"p{i % 3}", State = state, RequestId = neverSent ? null : $"req-{run}-{model}-{i}",
                        Error = neverSent ? "not run: its image failed" : state == JobState.Failed ? "boom" : null,
                        EstimatedCostUsd = price * 5, CostUsd = done ? reused ? 0 : price * 5 - 0.01m * (i % 2) : null,
                        CachedFromJobId = reused ? "elsewhere" : null,
                        LatencySec = done && i % 11 != 5 ? Math.Round(random.NextDouble() * 200, random.Next(0, 6)) : null,
                        QueueSec = done && i % 4 != 0 ? random.NextDouble() * 9 : null, InferenceSec = done ? random.NextDouble() * 90 : null,
                        DownloadSec = done && i % 5 != 0 ? random.NextDouble() : null, DurationSec = done && stage == StageKind.Video ? (i % 7 == 0 ? null : 5.04 + i % 3) : null,
                        CreatedAt = at, UpdatedAt = at,
                    };
                    jobs.Add(job);
                    if (i % 4 == 1 && state != JobState.Planned) bills.Add(new JobBill(job.Id, price * 5 * 0.9m, BillingSource.BillingEvents));
                    if (done && i % 3 == 0)
                        metrics.Add((job.Id, stage == StageKind.Image
                            ? MetricsJson.SerializeImage(new FashionMetrics { FramesSampled = 1, IdentityMean = random.NextDouble(), FullBodyShare = 1, GarmentDeltaE = random.NextDouble() * 10 })
                            : MetricsJson.Serialize(Metrics(random))));
                }
            }
            await store.CreateRunAsync(new RunRecord { Id = run, Kind = RunKind.Batch, OutputRoot = "/tmp", CreatedAt = 1, UpdatedAt = 1, Status = RunStatus.Partial }, jobs);
        }
        (await store.RecordBilledAsync(bills)).ShouldBe(bills.Count);
        foreach (var (id, json) in metrics) (await store.SaveMetricsAsync(id, json)).ShouldBeTrue();
        return (runs[0], runs[1]);
    }

    private static VideoMetrics Metrics(Random random) => new()
    {
        DurationSec = 5, Width = 320, Height = 240, Fps = 25, Codec = "h264", HasAudio = false, Frames = 125,
        FirstFrameSsim = random.NextDouble(), LastFrameSsim = random.NextDouble() < 0.2 ? null : random.NextDouble(), TemporalFlickerScore = random.NextDouble() / 10,
        FrameDifferenceMean = 1, FrameDifferenceVariance = 0.1, BrightnessFlicker = 0.1, BrightnessDrift = 0, MotionScore = random.NextDouble(),
        FrozenSec = 0, FrozenFraction = random.NextDouble() / 10, BlackSec = 0, Cuts = random.Next(2), Flags = random.NextDouble() < 0.3 ? ["near-still"] : [],
        DurationErrorSec = random.NextDouble() - 0.5,
        // Some with fashion metrics: sampled or not (whole-body share counts only when sampled), flagged or not.
        Fashion = random.Next(3) switch
        {
            0 => null,
            1 => new FashionMetrics { FramesSampled = 0, IdentityMean = random.NextDouble() },
            _ => new FashionMetrics
            {
                FramesSampled = 4, IdentityMean = random.NextDouble() < 0.2 ? null : random.NextDouble(), FullBodyShare = random.NextDouble(),
                GarmentDeltaE = random.NextDouble() * 12, Flags = random.NextDouble() < 0.4 ? ["face changed"] : [],
            },
        },
    };
}
