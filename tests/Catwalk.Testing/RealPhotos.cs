using System.Diagnostics;
using Catwalk.Quality.Fashion;
namespace Catwalk.Testing;

/// <summary>
/// Real photographs shipped in the installed @vladmandic/human package (used from node_modules, never committed), cut
/// into test pictures and turned into videos with ffmpeg. The crop rectangles were read off the images:
/// screenshot-facematch.jpg (1920×954) has the "selected face" of one man at 4,27 (164×164) and rows of 100-px face
/// tiles at x = 2 + 106.8·column, y = 284 + 113·row: row 0 is the same man in other photos, rows 2–5 other people.
/// samples.jpg (1280×1158) has a group photo whose woman in the red velvet dress stands head to toe at 620,480
/// (180×630; knees at y ≈ 425 of that crop).
/// </summary>
public sealed class RealPhotos : Xunit.IAsyncLifetime
{
    public static readonly string Assets = Path.Combine(VisionInstall.Find(out _)?.Folder ?? Path.Combine("tools", "vision"), "node_modules", "@vladmandic", "human", "assets");
    public static string SamplesJpg => Path.Combine(Assets, "samples.jpg");
    private static string FacematchJpg => Path.Combine(Assets, "screenshot-facematch.jpg");

    private readonly TempDirectory _dir = new("catwalk-fashion-");

    public string SelectedFace => _dir.File("face-selected.jpg");
    /// <summary>The same man in another photo (row 0, column 5).</summary>
    public string SameManOtherPhoto => _dir.File("tile-0-5.jpg");
    /// <summary>Other people (row 2, column 2 and row 4, column 11).</summary>
    public string OtherPerson => _dir.File("tile-2-2.jpg");
    public string AnotherPerson => _dir.File("tile-4-11.jpg");
    public string RedDress => _dir.File("red-dress.jpg");
    /// <summary>The woman in the yellow dress of the same group photo: another outfit.</summary>
    public string YellowDress => _dir.File("yellow-dress.jpg");

    /// <summary>The selected face, panned, zoomed and brightened over 3 s.</summary>
    public string FaceVideo => _dir.File("face.mp4");
    /// <summary>The first 1.5 s of <see cref="FaceVideo"/>, then 1.5 s of another person.</summary>
    public string SplicedVideo => _dir.File("spliced.mp4");
    public string FullBodyVideo => _dir.File("full-body.mp4");
    public string CutAtKneesVideo => _dir.File("knees.mp4");
    public string HueShiftedVideo => _dir.File("hue.mp4");

    public VisionWorker? Worker { get; private set; }

    public async Task InitializeAsync()
    {
        if (VisionInstall.Find(out _) is not { } install || !File.Exists(SamplesJpg)) return; // the tests are skipped
        Worker = new VisionWorker(install, TimeSpan.FromMinutes(3)); // a busy machine: generous, a hang still ends
        await CropAsync(FacematchJpg, SelectedFace, 164, 164, 4, 27);
        await CropAsync(FacematchJpg, SameManOtherPhoto, 100, 100, 536, 284);
        await CropAsync(FacematchJpg, OtherPerson, 100, 100, 216, 510);
        await CropAsync(FacematchJpg, AnotherPerson, 100, 100, 1177, 736);
        await CropAsync(SamplesJpg, RedDress, 180, 630, 620, 480);
        await CropAsync(SamplesJpg, YellowDress, 180, 630, 925, 510);
        const string moving = "zoompan=z='1+0.002*on':x='iw/2-(iw/zoom/2)+on/2':y='ih/2-(ih/zoom/2)':d=1:s=480x480:fps=24,eq=brightness='0.12*sin(2*t)':eval=frame";
        await EncodeAsync(FaceVideo, "-loop", "1", "-i", SelectedFace, "-t", "3", "-vf", $"scale=240:240,pad=480:480:120:120:0x202020,{moving}");
        var other = _dir.File("other-face.mp4");
        await EncodeAsync(other, "-loop", "1", "-i", OtherPerson, "-t", "1.5", "-vf", $"scale=240:240,pad=480:480:120:120:0x202020,{moving}");
        await EncodeAsync(SplicedVideo, "-i", FaceVideo, "-i", other, "-filter_complex", "[0:v]trim=duration=1.5,setpts=PTS-STARTPTS[a];[a][1:v]concat=n=2:v=1[v]", "-map", "[v]");
        const string body = "zoompan=z='1+0.001*on':d=1:s=720x1280:fps=24";
        await EncodeAsync(FullBodyVideo, "-loop", "1", "-i", RedDress, "-t", "3", "-vf", $"scale=360:1260,pad=720:1280:180:10:white,{body}");
        await EncodeAsync(CutAtKneesVideo, "-loop", "1", "-i", RedDress, "-t", "3", "-vf", $"crop=180:440:0:0,scale=400:978,pad=720:1280:160:302:white,{body}");
        await EncodeAsync(HueShiftedVideo, "-i", FullBodyVideo, "-vf", "hue=h=120");
    }

    private static Task CropAsync(string source, string target, int w, int h, int x, int y) =>
        RunAsync("-i", source, "-vf", $"crop={w}:{h}:{x}:{y}", "-q:v", "2", target);

    private static Task EncodeAsync(string target, params string[] args) => RunAsync([.. args, "-pix_fmt", "yuv420p", "-c:v", "libx264", target]);

    private static async Task RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var a in new[] { "-v", "error", "-y" }.Concat(args)) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg {string.Join(' ', args)} failed: {error}");
    }

    public async Task DisposeAsync()
    {
        if (Worker is not null) await Worker.DisposeAsync();
        _dir.Dispose();
    }
}
