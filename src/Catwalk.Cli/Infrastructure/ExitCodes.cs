namespace Catwalk.Cli.Infrastructure;

/// <summary>What a command's exit code means, for scripts.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Some jobs failed; the others' results were saved.</summary>
    public const int PartialFailure = 1;
    /// <summary>A user mistake found before anything was spent.</summary>
    public const int UserError = 2;
    /// <summary>fal refused or could not be reached (key, network, server).</summary>
    public const int FalError = 3;
    public const int Cancelled = 130;
}
