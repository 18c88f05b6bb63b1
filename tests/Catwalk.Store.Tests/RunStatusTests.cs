using Catwalk.Store;

namespace Catwalk.Store.Tests;

public class RunStatusTests
{
    [Fact] public void All_downloaded_is_completed() => RunStatus.From([JobState.Downloaded, JobState.Downloaded]).ShouldBe(RunStatus.Completed);
    [Fact] public void Some_downloaded_is_partial() => RunStatus.From([JobState.Downloaded, JobState.Failed]).ShouldBe(RunStatus.Partial);
    [Fact] public void None_downloaded_is_failed() => RunStatus.From([JobState.Failed, JobState.Unknown]).ShouldBe(RunStatus.Failed);
    [Fact] public void A_job_still_open_is_interrupted() => RunStatus.From([JobState.Downloaded, JobState.Submitted]).ShouldBe(RunStatus.Interrupted);
}
