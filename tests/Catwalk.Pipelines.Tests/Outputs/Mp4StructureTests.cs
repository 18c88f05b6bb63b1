using System.Diagnostics;
using Catwalk.Pipelines.Outputs;
using Catwalk.Testing;

namespace Catwalk.Pipelines.Tests.Outputs;

public sealed class Mp4StructureTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<string> EncodeAsync(string name, params string[] args)
    {
        var path = _dir.File(name);
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var a in new[] { "-v", "error" }.Concat(args).Append(path)) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        await p.WaitForExitAsync();
        p.ExitCode.ShouldBe(0, await p.StandardError.ReadToEndAsync());
        return path;
    }

    [Fact]
    public async Task A_video_passes_with_its_index_at_the_end_or_at_the_front()
    {
        (await Mp4Structure.CheckAsync(await EncodeAsync("end.mp4", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=24:duration=1", "-pix_fmt", "yuv420p"), default)).ShouldBeNull();
        (await Mp4Structure.CheckAsync(await EncodeAsync("front.mp4", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=24:duration=1", "-pix_fmt", "yuv420p", "-movflags", "+faststart"), default)).ShouldBeNull();
    }

    [Fact]
    public async Task A_cut_off_download_and_a_sound_only_file_are_named_for_what_they_are()
    {
        var real = await EncodeAsync("real.mp4", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=24:duration=1", "-pix_fmt", "yuv420p");
        var bytes = await File.ReadAllBytesAsync(real);
        await File.WriteAllBytesAsync(_dir.File("cut.mp4"), bytes[..^100]);
        (await Mp4Structure.CheckAsync(_dir.File("cut.mp4"), default)).ShouldNotBeNull().ShouldContain("cut off");
        var sound = await EncodeAsync("sound.mp4", "-f", "lavfi", "-i", "sine=duration=1", "-c:a", "aac");
        (await Mp4Structure.CheckAsync(sound, default)).ShouldBe("it has no video track");
    }

    [Fact]
    public async Task Other_containers_are_left_to_ffprobe()
    {
        var webm = await EncodeAsync("clip.webm", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=24:duration=1", "-c:v", "libvpx-vp9", "-deadline", "realtime");
        Mp4Structure.LooksLikeIsoMedia(File.ReadAllBytes(webm).AsSpan(0, 8)).ShouldBeFalse();
        await MediaVerifier.VerifyVideoAsync(webm);
    }
}
