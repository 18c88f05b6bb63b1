using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Pipelines.Outputs;

namespace Catwalk.Pipelines;

/// <summary>What every model's job of one video stage shares: the request, the run, the first frame and its (lazy) URL.</summary>
public sealed record VideoJobContext(VideoStageRequest Request, RunStamp Run, ReferenceImage Image, FitPolicy Policy, Func<Task<string>> ImageUrl);
