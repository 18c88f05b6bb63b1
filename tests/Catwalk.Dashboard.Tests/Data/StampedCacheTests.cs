using Catwalk.Dashboard.Data;

namespace Catwalk.Dashboard.Tests.Data;

/// <summary>A kept view is reused only at the stamp it was built at; other keys keep their own; many keys start again.</summary>
public class StampedCacheTests
{
    [Fact]
    public async Task A_view_is_built_again_when_its_stamp_moves_and_only_then()
    {
        var cache = new StampedCache(capacity: 3);
        var builds = 0;
        Task<string> Build(string what) { builds++; return Task.FromResult($"{what}#{builds}"); }

        (await cache.GetAsync("overview", "s1", () => Build("a"))).ShouldBe("a#1");
        (await cache.GetAsync("overview", "s1", () => Build("a"))).ShouldBe("a#1");
        builds.ShouldBe(1);
        (await cache.GetAsync("charts", "s1", () => Build("c"))).ShouldBe("c#2"); // another key: its own view
        (await cache.GetAsync("overview", "s2", () => Build("a"))).ShouldBe("a#3"); // the store changed
        (await cache.GetAsync("overview", "s2", () => Build("a"))).ShouldBe("a#3");
        (await cache.GetAsync("charts", "s1", () => Build("c"))).ShouldBe("c#2");
        builds.ShouldBe(3);

        // Past its capacity it forgets everything rather than grow with every filter tried.
        (await cache.GetAsync("k3", "s", () => Build("x"))).ShouldBe("x#4");
        (await cache.GetAsync("k4", "s", () => Build("y"))).ShouldBe("y#5");
        (await cache.GetAsync("overview", "s2", () => Build("a"))).ShouldBe("a#6");
    }
}
