using Microsoft.Extensions.Options;

namespace Catwalk.Pipelines.Hosting;

/// <summary>
/// Refuses <see cref="CatwalkOptions"/> a host cannot work with, each problem printing the value given: an output folder
/// that is a file (every result would fail to save, after being paid for), a catalog or prompt-templates file that is
/// not there. <see cref="CatwalkServiceCollectionExtensions.AddCatwalk"/> runs it before it reads any of those files, so
/// a bad option fails before the container exists; a host that connects to things first runs it earlier still.
/// </summary>
public sealed class CatwalkOptionsValidator : IValidateOptions<CatwalkOptions>
{
    public ValidateOptionsResult Validate(string? name, CatwalkOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.OutputDirectory))
            problems.Add("The output folder is empty; give a folder.");
        else if (File.Exists(options.OutputDirectory))
            problems.Add($"The output folder '{options.OutputDirectory}' is an existing file; give a folder.");
        // A catalog the host loaded already is used as is; its files are not read again.
        if (options.Catalog is null)
            foreach (var file in options.CatalogFiles)
                if (!File.Exists(file)) problems.Add($"The catalog file '{file}' does not exist.");
        if (options.PromptTemplatesFile is { } templates && !File.Exists(templates))
            problems.Add($"The prompt-templates file '{templates}' does not exist.");
        if (!Enum.IsDefined(options.UploadMode))
            problems.Add($"The reference upload mode {(int)options.UploadMode} is not one of {string.Join(", ", Enum.GetNames(options.UploadMode.GetType()))}.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Throws what a host's start throws for invalid options (<see cref="OptionsValidationException"/>), so hosts report it the same way.</summary>
    public static void ThrowIfInvalid(CatwalkOptions options)
    {
        var result = new CatwalkOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed) throw new OptionsValidationException(Options.DefaultName, typeof(CatwalkOptions), result.Failures);
    }
}
