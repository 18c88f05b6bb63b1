using Microsoft.Extensions.Options;

namespace Catwalk.Cli.Infrastructure;

/// <summary>Refuses a takeover time a worker cannot use, printing the value given.</summary>
internal sealed class WorkerHostOptionsValidator : IValidateOptions<WorkerHostOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkerHostOptions options) => options.IsValid
        ? ValidateOptionsResult.Success
        : ValidateOptionsResult.Fail($"{WorkerHostOptions.Section}:TakeoverSeconds '{options.TakeoverSeconds}' is not a number of seconds from {WorkerHostOptions.MinTakeoverSeconds} to {WorkerHostOptions.MaxTakeoverSeconds}.");
}
