using System.Diagnostics;
using System.Security.Cryptography;

namespace Catwalk.Fal.Tests;

/// <summary>Each fault the emulator can inject, and what the client makes of it: completed, or a typed error — never a second payment.</summary>
public class FaultTests
{
    private const string Veo3 = "fal-ai/veo3/image-to-video";

    private static async Task<(FalHarness H, string Image)> Start(params string[] faults)
    {
        var h = await FalHarness.StartAsync(faults: faults, maxRetries: 4, latencyScale: 0.005);
        return (h, await h.UploadImageAsync());
    }

    private static int PostsTo(FalHarness h, string endpoint) => h.Recorder.Requests.Count(r => r.Method == HttpMethod.Post && r.Url.AbsolutePath == $"/{endpoint}");

    [Fact]
    public async Task A_429_on_submit_is_retried_after_its_Retry_After_and_the_job_is_submitted_once()
    {
        var (h, image) = await Start("submit=rate-limited x1");
        await using var _ = h;
        var clock = Stopwatch.StartNew();
        await h.Client.SubscribeAsync(Veo3, FalHarness.Veo3Input(image));
        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(0.9)); // Retry-After: 1
        PostsTo(h, Veo3).ShouldBe(2);
        h.Emulator.GetStats().Endpoints[Veo3].Submissions.ShouldBe(1);
    }

    [Theory]
    [InlineData("submit=unavailable x2")]
    [InlineData("submit=bad-gateway x1")]
    [InlineData("status=unavailable:0.5")]
    [InlineData("status=reset x2")]
    [InlineData("result=bad-gateway x2")]
    [InlineData("stream=stream-cut x1")]
    [InlineData("status=slow x1")]
    public async Task Transient_faults_end_in_a_completed_job_submitted_once(string fault)
    {
        // Status faults only matter when the client polls: for those, the status stream is unavailable too.
        var (h, image) = await Start(fault.StartsWith("status") ? [fault, "stream=unavailable"] : [fault]);
        await using var _ = h;
        var result = await h.Client.SubscribeAsync(Veo3, FalHarness.Veo3Input(image));
        result.Data.GetProperty("video").GetProperty("url").GetString().ShouldNotBeNull();
        h.Emulator.GetStats().Endpoints[Veo3].Submissions.ShouldBe(1);
    }

    [Fact]
    public async Task A_500_on_submit_is_not_retried_because_the_job_might_exist()
    {
        var (h, image) = await Start("submit=server-error x1");
        await using var _ = h;
        await Should.ThrowAsync<FalServerException>(() => h.Client.SubscribeAsync(Veo3, FalHarness.Veo3Input(image)));
        PostsTo(h, Veo3).ShouldBe(1);
    }

    [Fact]
    public async Task A_lost_submit_is_reported_as_uncertain_and_never_resent()
    {
        var (h, image) = await Start("submit=lost-submit x1");
        await using var _ = h;
        var error = await Should.ThrowAsync<FalSubmitUncertainException>(() => h.Client.SubscribeAsync(Veo3, FalHarness.Veo3Input(image)));
        error.Message.ShouldContain("may have queued and billed it");
        PostsTo(h, Veo3).ShouldBe(1);
        h.Emulator.GetStats().Endpoints[Veo3].Submissions.ShouldBe(1); // fal has it; we did not pay twice
    }

    [Fact]
    public async Task A_failing_job_surfaces_the_models_error_without_resubmitting()
    {
        var (h, image) = await Start("job=job-fails x1");
        await using var _ = h;
        var error = await Should.ThrowAsync<FalServerException>(() => h.Client.SubscribeAsync(Veo3, FalHarness.Veo3Input(image)));
        error.Message.ShouldContain("The model failed");
        error.RequestId.ShouldNotBeNull();
        h.Emulator.GetStats().Endpoints[Veo3].Submissions.ShouldBe(1);
    }

    [Fact]
    public async Task A_job_that_never_finishes_times_out_with_its_request_id_kept()
    {
        var (h, image) = await Start("job=never-finishes x1");
        await using var _ = h;
        var error = await Should.ThrowAsync<FalTimeoutException>(() =>
            h.Client.SubscribeAsync(Veo3, FalHarness.Veo3Input(image), new FalWaitOptions { Timeout = TimeSpan.FromSeconds(1.5) }));
        error.CancelledAtFal.ShouldBeFalse(); // it was running: left to finish, its id kept for later collection
        error.RequestId.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_truncated_download_is_fetched_again_whole()
    {
        var (h, image) = await Start("download=truncated x1");
        await using var _ = h;
        var result = await h.Client.SubscribeAsync(Veo3, FalHarness.Veo3Input(image));
        var url = new Uri(result.Data.GetProperty("video").GetProperty("url").GetString()!);
        var saved = await h.Downloader.DownloadAsync(url, h.Dir.File("v.mp4"));
        saved.SizeBytes.ShouldBe(result.Data.GetProperty("video").GetProperty("file_size").GetInt64());
        saved.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(saved.Path))));
        h.Emulator.GetStats().MediaDownloads.ShouldBe(2);
    }
}
