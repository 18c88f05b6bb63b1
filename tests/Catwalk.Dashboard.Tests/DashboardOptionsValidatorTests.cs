using Catwalk.Testing;
using Microsoft.Extensions.Options;

namespace Catwalk.Dashboard.Tests;

/// <summary>What the dashboard refuses before it opens its store or listens, each problem with the value given.</summary>
public sealed class DashboardOptionsValidatorTests
{
    [Fact]
    public void Good_options_pass()
    {
        using var folder = new TempDirectory();
        new DashboardOptionsValidator().Validate(null, new DashboardOptions { OutputRoot = folder.Path }).Succeeded.ShouldBeTrue();
        new DashboardOptionsValidator().Validate(null, new DashboardOptions { OutputRoot = folder.Path, Db = "Host=db;Database=catwalk", Host = "0.0.0.0", AccessToken = "t" }).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Every_problem_is_named_with_its_value()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.File("out"), "a file");
        var options = new DashboardOptions { OutputRoot = folder.File("out"), Db = folder.File("missing.db"), Port = 70000 };

        var failures = new DashboardOptionsValidator().Validate(null, options).Failures!.ToList();

        failures.ShouldBe(
        [
            "--port must be 0–65535, not 70000.",
            $"The dashboard's outputs folder '{folder.File("out")}' is an existing file; give a folder.",
            $"The dashboard's store '{folder.File("missing.db")}' does not exist; give the catwalk.db a run wrote, or a PostgreSQL database.",
        ]);
    }

    [Fact]
    public void An_unparsable_listen_address_is_named() =>
        new DashboardOptionsValidator().Validate(null, new DashboardOptions { OutputRoot = "/tmp", Host = "nowhere" }).Failures!
            .ShouldBe(["--host must be an IP address (e.g. 127.0.0.1), not 'nowhere'."]);

    [Fact]
    public async Task Starting_with_a_missing_store_fails_before_it_is_created()
    {
        using var folder = new TempDirectory();
        var error = await Should.ThrowAsync<OptionsValidationException>(() => DashboardServer.StartAsync(new DashboardOptions { OutputRoot = folder.Path, Db = folder.File("missing.db") }));
        error.Failures.ShouldHaveSingleItem().ShouldContain("missing.db");
        File.Exists(folder.File("missing.db")).ShouldBeFalse("a refused dashboard creates no store");
    }
}
