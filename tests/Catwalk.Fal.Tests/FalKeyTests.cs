using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Fal.Tests;

public class FalKeyTests
{
    private static FalKey? From(params (string Name, string Value)[] env) => FalKey.FromEnvironment(env.ToDictionary(e => e.Name, e => (string?)e.Value));

    [Fact]
    public void Fal_key_wins_then_id_and_secret_then_the_old_name()
    {
        From(("FAL_KEY", "a"), ("FAL_KEY_ID", "b"), ("FAL_KEY_SECRET", "c"), ("FAL_API_KEY", "d"))!.Value.ShouldBe("a");
        From(("FAL_KEY_ID", "b"), ("FAL_KEY_SECRET", "c"), ("FAL_API_KEY", "d"))!.Value.ShouldBe("b:c");
        From(("FAL_KEY_ID", "b"), ("FAL_API_KEY", "d"))!.Value.ShouldBe("d");
        From(("FAL_KEY", "  ")).ShouldBeNull();
    }

    [Fact]
    public void The_key_never_prints_or_serializes()
    {
        var key = From(("FAL_KEY", "super-secret-value"))!;
        key.ToString().ShouldBe("FalKey(****)");
        JsonSerializer.Serialize(new { key }).ShouldNotContain("super-secret-value");
        JsonSerializer.Serialize(new FalOptions { Key = key }).ShouldNotContain("super-secret-value");
    }

    [Fact]
    public void The_key_serializes_as_stars_and_cannot_be_read_from_json()
    {
        JsonSerializer.Serialize(new FalOptions { Key = From(("FAL_KEY", "abc")) }).ShouldContain("\"Key\":\"****\"");
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<FalOptions>("{\"Key\":\"abc\"}"));
    }

    [Fact]
    public void The_fal_section_of_configuration_is_bound_including_the_key_and_code_wins()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Fal:QueueUrl"] = "http://127.0.0.1:9999/", ["Fal:Key"] = "from-config", ["Fal:PollInterval"] = "00:00:01", ["Fal:MaxPollInterval"] = "00:00:02",
        }).Build();
        using var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection()
            .AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(configuration)
            .AddFalClient(o => o.MaxPollInterval = TimeSpan.FromSeconds(3))
            .BuildServiceProvider();
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FalOptions>>().Value;
        (options.QueueUrl, options.PollInterval, options.MaxPollInterval).ShouldBe((new Uri("http://127.0.0.1:9999/"), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)));
        options.Key!.Value.ShouldBe("from-config");
    }
}
