using Catwalk.Pipelines.Hosting;
using Catwalk.Pipelines.References;
using Catwalk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Catwalk.Pipelines.Tests.Hosting;

/// <summary>What AddCatwalk refuses before it reads any file, each problem with the value given.</summary>
public class CatwalkOptionsValidatorTests
{
    [Fact]
    public void Good_options_pass()
    {
        using var dir = new TempDirectory();
        new CatwalkOptionsValidator().Validate(null, new CatwalkOptions { OutputDirectory = dir.File("outputs") }).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Every_problem_is_named_with_its_value()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("outputs"), "a file");
        var options = new CatwalkOptions { OutputDirectory = dir.File("outputs"), PromptTemplatesFile = dir.File("prompts.yaml"), UploadMode = (ReferenceUploadMode)7 };
        options.CatalogFiles.Add(dir.File("models.json"));

        var failures = new CatwalkOptionsValidator().Validate(null, options).Failures!.ToList();

        failures.ShouldBe(
        [
            $"The output folder '{dir.File("outputs")}' is an existing file; give a folder.",
            $"The catalog file '{dir.File("models.json")}' does not exist.",
            $"The prompt-templates file '{dir.File("prompts.yaml")}' does not exist.",
            "The reference upload mode 7 is not one of Storage, DataUri.",
        ]);
    }

    [Fact]
    public void An_empty_output_folder_is_refused() =>
        new CatwalkOptionsValidator().Validate(null, new CatwalkOptions { OutputDirectory = " " }).Failures!.ShouldBe(["The output folder is empty; give a folder."]);

    [Fact]
    public void A_catalog_the_host_loaded_is_used_as_is_so_its_files_are_not_checked()
    {
        var options = new CatwalkOptions { Catalog = Catalog.ModelCatalog.BuiltIn };
        options.CatalogFiles.Add("/nowhere/models.json");
        new CatwalkOptionsValidator().Validate(null, options).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void AddCatwalk_refuses_a_missing_prompt_templates_file_as_a_host_start_would_with_its_path()
    {
        var error = Should.Throw<OptionsValidationException>(() => new ServiceCollection().AddCatwalk(o => o.PromptTemplatesFile = "/nowhere/prompts.yaml"));
        error.OptionsType.ShouldBe(typeof(CatwalkOptions));
        error.Failures.ShouldBe(["The prompt-templates file '/nowhere/prompts.yaml' does not exist."]);
    }
}
