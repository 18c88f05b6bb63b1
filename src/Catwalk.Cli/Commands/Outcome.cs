using Catwalk.Cli.Infrastructure;
using Catwalk.Pipelines;

namespace Catwalk.Cli.Commands;

/// <summary>The exit code of a video stage: success only when every model's video was saved.</summary>
internal static class Outcome
{
    public static int ExitCode(VideoStageResult result, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? ExitCodes.Cancelled
        : result.Failed.Any() ? ExitCodes.PartialFailure
        : ExitCodes.Success;
}
