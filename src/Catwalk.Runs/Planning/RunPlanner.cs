using Catwalk.Domain;
using Catwalk.Catalog;
using Catwalk.Pipelines;
using Catwalk.Runs.Specs;
using Catwalk.Store;

namespace Catwalk.Runs.Planning;

/// <summary>
/// Expands a <see cref="RunSpec"/> into jobs and checks every setting against every model first: a duration or
/// resolution a model cannot take is refused here (<see cref="UnsupportedSettingException"/>), before any spend.
/// </summary>
public sealed class RunPlanner(ModelCatalog catalog, VideoPipeline videos, TimeProvider time)
{
    public RunPlan Plan(RunSpec spec, string runId)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var imageModels = spec.ImageModelKeys().Select(catalog.Get).ToList();
        IReadOnlyList<CameraAngle?> angles = spec.Angles.Count == 0 ? [null] : [.. spec.Angles.Select(a => (CameraAngle?)a)];
        AngleRule.Check(imageModels, spec.Angles);
        var imageUsd = imageModels.ToDictionary(m => m.Key, m => CostEstimator.ForImages(m, spec.ImageCount).Usd);
        var plans = new Dictionary<int, VideoPlan>();
        var byDuration = spec.Models.Count == 0 ? [] : spec.Durations.Distinct().ToDictionary(d => d ?? 0, d =>
            plans[d ?? 0] = videos.Plan(spec.Models, spec.Video with { DurationSeconds = d, Seed = spec.Video.Seed ?? spec.Seed }, spec.StrictDuration));

        var jobs = new List<JobRecord>();
        foreach (var look in spec.Looks)
        {
            JobRecord Job(StageKind stage, string modelKey, string endpoint, string input, decimal usd, int? duration) => new()
            {
                Id = Guid.CreateVersion7().ToString("N"), RunId = runId, Stage = stage, ModelKey = modelKey, EndpointId = endpoint,
                InputKey = input, LookId = look.Id, PersonId = look.PersonId, OutfitId = look.OutfitId, SettingId = look.SettingId,
                RequestedDuration = duration, EstimatedCostUsd = usd, CreatedAt = now, UpdatedAt = now,
            };
            void Videos(JobRecord? image, CameraAngle? angle)
            {
                var imageModel = spec.ComparesImageModels ? image?.ModelKey : null;
                foreach (var duration in spec.Models.Count == 0 ? [] : spec.Durations.Distinct())
                    foreach (var item in byDuration[duration ?? 0].Items)
                        jobs.Add(Job(StageKind.Video, item.Model.Key, item.Model.EndpointId, InputKeys.Video(look, duration, imageModel, angle), item.Cost.Usd, duration) with { InputJobId = image?.Id });
                // The turn starts from the front (the person facing the camera), at the first duration asked for.
                if (spec.Turnaround && spec.Models.Count > 0 && angle is null or CameraAngle.Front)
                {
                    var duration = spec.Durations[0];
                    foreach (var item in byDuration[duration ?? 0].Items)
                        jobs.Add(Job(StageKind.Video, item.Model.Key, item.Model.EndpointId, InputKeys.Video(look, duration, imageModel, angle, turnaround: true), item.Cost.Usd, duration) with { InputJobId = image?.Id });
                }
            }
            // The look's graph: an image job per image model and angle (unless it starts from a picture), each consumed by every video job.
            if (look.StartImage is not null)
            {
                Videos(null, null);
                continue;
            }
            foreach (var model in imageModels)
                foreach (var angle in angles)
                {
                    // A try-on model dresses one garment a call: a chain of image jobs, each dressing the one before's image.
                    JobRecord? image = null;
                    foreach (var key in model.TryOn is null ? [InputKeys.Image(look, angle)] : TryOnChain.Steps(look, model, angle).Select(s => s.InputKey))
                    {
                        image = Job(StageKind.Image, model.Key, model.EndpointId, key, imageUsd[model.Key], null) with { InputJobId = image?.Id };
                        jobs.Add(image);
                    }
                    Videos(image, angle);
                }
        }
        // One look's image stage, as the first look was planned (try-on chains cost a call per garment).
        var firstLook = spec.Looks.FirstOrDefault()?.Id;
        return new RunPlan(jobs, plans, jobs.Where(j => j.Stage == StageKind.Image && j.LookId == firstLook).Sum(j => j.EstimatedCostUsd));
    }
}
