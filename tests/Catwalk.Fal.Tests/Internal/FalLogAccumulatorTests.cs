using Catwalk.Fal.Internal;

namespace Catwalk.Fal.Tests.Internal;

public class FalLogAccumulatorTests
{
    private static FalLogEntry L(string message) => new(message, "INFO", null);

    [Fact]
    public void Cumulative_reports_are_taken_whole()
    {
        var logs = new FalLogAccumulator();
        logs.Add([L("a")]).ShouldBe([L("a")]);
        logs.Add([L("a"), L("b")]).ShouldBe([L("a"), L("b")]);
        logs.Add([L("a"), L("b")]).ShouldBe([L("a"), L("b")]);
    }

    [Fact]
    public void New_line_only_reports_are_appended_and_an_overlap_is_not_repeated()
    {
        var logs = new FalLogAccumulator();
        logs.Add([L("a"), L("b")]);
        logs.Add([L("c")]).ShouldBe([L("a"), L("b"), L("c")]);
        logs.Add([L("c"), L("d")]).ShouldBe([L("a"), L("b"), L("c"), L("d")]);
        logs.Add([]).ShouldBe([L("a"), L("b"), L("c"), L("d")]);
    }
}
