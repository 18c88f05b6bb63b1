using Catwalk.Emulator.Faults;

namespace Catwalk.Emulator.Tests.Faults;

public class FaultRuleTests
{
    [Fact]
    public void A_spec_names_stage_endpoint_kind_probability_and_count()
    {
        FaultRule.Parse("submit@veo3=lost-submit x1").ShouldBe(new FaultRule(FaultStage.Submit, FaultKind.LostSubmit, 1, 1, "veo3"));
        FaultRule.Parse("status=unavailable:0.2").ShouldBe(new FaultRule(FaultStage.Status, FaultKind.Unavailable, 0.2));
        FaultRule.Parse("download = truncated").Kind.ShouldBe(FaultKind.Truncated);
    }

    [Theory]
    [InlineData("submit", "expected stage")]
    [InlineData("upload=meteor", "unknown kind 'meteor'")]
    [InlineData("later=reset", "unknown stage 'later'")]
    [InlineData("status=reset:1.5", "between 0 and 1")]
    public void A_bad_spec_says_what_is_wrong(string spec, string expected) =>
        Should.Throw<FormatException>(() => FaultRule.Parse(spec)).Message.ShouldContain(expected);
}
