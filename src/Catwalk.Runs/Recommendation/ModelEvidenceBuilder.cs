using Catwalk.Domain;
using Catwalk.Runs.Quality;
using Catwalk.Runs.Reports;
using Catwalk.Store;

namespace Catwalk.Runs.Recommendation;

/// <summary>Stored jobs → one <see cref="ModelEvidence"/> per model of a stage.</summary>
public static class ModelEvidenceBuilder
{
    public static IReadOnlyList<ModelEvidence> Of(IEnumerable<JobRecord> jobs, StageKind stage) =>
        [.. jobs.Where(j => j.Stage == stage).GroupBy(j => j.ModelKey, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Model(g.Key, stage, [.. g]))];

    private static ModelEvidence Model(string model, StageKind stage, IReadOnlyList<JobRecord> jobs)
    {
        var done = jobs.Where(j => j.State == JobState.Downloaded).ToList();
        // Reused results cost nothing and took no time at fal: they would flatter the model's cost and latency.
        var fresh = jobs.Where(j => j.CachedFromJobId is null).ToList();
        return new ModelEvidence
        {
            Model = model, Stage = stage, Succeeded = done.Count,
            // As the report counts them: a job never sent for its input's sake (image failed or refused by the gate) is not the model's failure.
            Failed = jobs.Count(j => JobStateMachine.IsTerminal(j.State) && j.State != JobState.Downloaded && !ReportBuilder.NeverSent(j)),
            NotRun = jobs.Count(ReportBuilder.NeverSent),
            Costs = [.. fresh.Select(j => new CostSample((double)(j.BilledUsd ?? j.ChargedUsd), Units(j, stage))).Where(c => c.Usd > 0 || c.Units > 0)],
            Latencies = [.. fresh.Where(j => j.State == JobState.Downloaded && j.LatencySec is not null).Select(j => j.LatencySec!.Value)],
            Quality = [.. done.Select(j => Quality(j, stage)).OfType<QualitySample>()],
        };
    }

    /// <summary>What the job made: its video's seconds, or one image; nothing unless it was saved.</summary>
    private static double Units(JobRecord job, StageKind stage) =>
        job.State != JobState.Downloaded ? 0 : stage == StageKind.Image ? 1 : job.DurationSec ?? 0;

    private static QualitySample? Quality(JobRecord job, StageKind stage)
    {
        var values = new Dictionary<QualityMeasure, double>();
        void Add(QualityMeasure measure, double? value) { if (value is { } v && double.IsFinite(v)) values[measure] = v; }
        var fashion = stage == StageKind.Image ? MetricsJson.DeserializeFashion(job.MetricsJson) : null;
        if (stage == StageKind.Video && MetricsJson.Deserialize(job.MetricsJson) is { } video)
        {
            Add(QualityMeasure.FirstFrameSsim, video.FirstFrameSsim);
            Add(QualityMeasure.TemporalFlickerScore, video.TemporalFlickerScore);
            Add(QualityMeasure.FrozenFraction, video.FrozenFraction);
            Add(QualityMeasure.DurationError, video.DurationErrorSec);
            fashion = video.Fashion;
        }
        if (fashion is { FramesSampled: > 0 })
        {
            Add(QualityMeasure.IdentityMean, fashion.IdentityMean);
            Add(QualityMeasure.FullBodyShare, fashion.FullBodyShare);
            Add(QualityMeasure.GarmentDeltaE, fashion.GarmentDeltaE);
            Add(QualityMeasure.GarmentHistIntersection, fashion.GarmentHistIntersection);
        }
        return values.Count == 0 ? null : new QualitySample(values);
    }
}
