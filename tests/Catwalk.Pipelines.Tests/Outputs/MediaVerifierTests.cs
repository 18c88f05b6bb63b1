using System.Diagnostics;
using Catwalk.Fal;
using Catwalk.Pipelines.Outputs;
using Catwalk.Testing;

namespace Catwalk.Pipelines.Tests.Outputs;

public sealed class MediaVerifierTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<string> RealVideoAsync()
    {
        var path = _dir.File("real.mp4");
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var a in new[] { "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=24:duration=2", "-c:v", "libx264", "-pix_fmt", "yuv420p", path }) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        await p.WaitForExitAsync();
        return path;
    }

    [Fact]
    public async Task A_real_video_and_a_real_image_pass()
    {
        await MediaVerifier.VerifyVideoAsync(await RealVideoAsync());
        await MediaVerifier.VerifyImageAsync(TestImages.WritePng(_dir.File("ok.png")));
    }

    [Fact]
    public async Task A_truncated_video_is_refused_and_kept_aside()
    {
        var real = await RealVideoAsync();
        var cut = _dir.File("cut.mp4");
        var bytes = await File.ReadAllBytesAsync(real);
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 3)]);
        var error = await Should.ThrowAsync<FalMediaException>(() => MediaVerifier.VerifyVideoAsync(cut));
        error.Message.ShouldContain("not usable");
        File.Exists(cut).ShouldBeFalse();
        File.Exists(cut + ".invalid").ShouldBeTrue();
    }

    [Fact]
    public async Task A_text_file_claiming_to_be_media_is_refused()
    {
        await File.WriteAllTextAsync(_dir.File("fake.mp4"), "<html>not a video</html>");
        await Should.ThrowAsync<FalMediaException>(() => MediaVerifier.VerifyVideoAsync(_dir.File("fake.mp4")));
        await File.WriteAllTextAsync(_dir.File("fake.png"), "not an image");
        (await Should.ThrowAsync<FalMediaException>(() => MediaVerifier.VerifyImageAsync(_dir.File("fake.png")))).Message.ShouldContain("text");
    }
}
