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
        var imageModel = catalog.Get(spec.ImageModel ?? ImagePipeline.EditModel);
        var imageUsd = CostEstimator.ForImages(imageModel, spec.ImageCount).Usd;
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
            // The look's graph: its image job (unless it starts from a picture), consumed by each of its video jobs.
            var image = look.StartImage is null ? Job(StageKind.Image, imageModel.Key, imageModel.EndpointId, InputKeys.Image(look), imageUsd, null) : null;
            if (image is not null) jobs.Add(image);
            foreach (var duration in spec.Models.Count == 0 ? [] : spec.Durations.Distinct())
                foreach (var item in byDuration[duration ?? 0].Items)
                    jobs.Add(Job(StageKind.Video, item.Model.Key, item.Model.EndpointId, InputKeys.Video(look, duration), item.Cost.Usd, duration) with { InputJobId = image?.Id });
        }
        return new RunPlan(jobs, plans, imageUsd);
    }
}
