using System.Text.Json;

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
}
