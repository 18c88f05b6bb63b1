using Catwalk.Store;

namespace Catwalk.Store.Tests;

public class RunStatusTests
{
    [Fact] public void All_downloaded_is_completed() => RunStatus.From([JobState.Downloaded, JobState.Downloaded]).ShouldBe(RunStatus.Completed);
    [Fact] public void Some_downloaded_is_partial() => RunStatus.From([JobState.Downloaded, JobState.Failed]).ShouldBe(RunStatus.Partial);
    [Fact] public void None_downloaded_is_failed() => RunStatus.From([JobState.Failed, JobState.Unknown]).ShouldBe(RunStatus.Failed);
    [Fact] public void A_job_still_open_is_interrupted() => RunStatus.From([JobState.Downloaded, JobState.Submitted]).ShouldBe(RunStatus.Interrupted);

    // Shown and written to JSON as the word it was stored as when it was a string.
    [Fact]
    public void Each_status_is_shown_as_its_lower_case_word() =>
        Enum.GetValues<RunStatus>().Select(s => s.Name()).ShouldBe(["running", "completed", "partial", "failed", "interrupted"]);

    [Fact]
    public void In_JSON_a_status_is_its_word_both_ways()
    {
        System.Text.Json.JsonSerializer.Serialize(new { status = RunStatus.Partial }).ShouldBe("""{"status":"partial"}""");
        System.Text.Json.JsonSerializer.Deserialize<RunStatus>("\"interrupted\"").ShouldBe(RunStatus.Interrupted);
    }
}
