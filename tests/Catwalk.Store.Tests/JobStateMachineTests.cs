using Catwalk.Store;

namespace Catwalk.Store.Tests;

public class JobStateMachineTests
{
    [Theory]
    [InlineData(JobState.Planned, JobState.Submitting, true)]
    [InlineData(JobState.Submitting, JobState.Submitted, true)]
    [InlineData(JobState.Submitted, JobState.Completed, true)]
    [InlineData(JobState.Completed, JobState.Downloaded, true)]
    [InlineData(JobState.Planned, JobState.Downloaded, true)] // a cache hit
    [InlineData(JobState.Submitting, JobState.Unknown, true)]
    [InlineData(JobState.Unknown, JobState.Submitted, true)] // found in fal's request history: adopted, collected by its id
    // Money rules: a job with a request id never goes back to a state from which it would be sent again.
    [InlineData(JobState.Submitted, JobState.Planned, false)]
    [InlineData(JobState.Submitted, JobState.Submitting, false)]
    [InlineData(JobState.Completed, JobState.Planned, false)]
    [InlineData(JobState.Planned, JobState.Submitted, false)] // an id is only stored by a job that said it was submitting
    [InlineData(JobState.Downloaded, JobState.Planned, false)]
    [InlineData(JobState.Downloaded, JobState.Failed, false)]
    public void Moves(JobState from, JobState to, bool allowed) => JobStateMachine.CanMove(from, to).ShouldBe(allowed);

    [Fact]
    public void From_lists_exactly_the_states_that_may_move_there() =>
        JobStateMachine.From(JobState.Submitted).ShouldBe([JobState.Submitting, JobState.Unknown]);

    [Theory]
    [InlineData(JobState.Downloaded, true)]
    [InlineData(JobState.Unknown, true)]
    [InlineData(JobState.Submitted, false)]
    [InlineData(JobState.Planned, false)]
    public void Terminal(JobState state, bool terminal) => JobStateMachine.IsTerminal(state).ShouldBe(terminal);

    [Fact]
    public void Names_round_trip() =>
        Enum.GetValues<JobState>().ShouldAllBe(s => JobStateMachine.Parse(JobStateMachine.Name(s)) == s);
}
