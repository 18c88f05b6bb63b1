using System.Diagnostics;
using Catwalk.Domain;
using Catwalk.Store;
using Catwalk.Testing;
using SkiaSharp;

namespace Catwalk.Dashboard.Tests.Support;

/// <summary>
/// A dashboard over jobs with stored fashion frames, written as the store holds them (no vision worker needed):
/// a 320×240 video that is red for its first second and blue after, with a yellow square where its "face" is; one
/// row in today's layout (sizes, keypoints, garment region; marked emulated on the job, as imported jobs are), one as rows were stored before those fields
/// (video and image); and jobs whose files lie outside their run's output folder.
/// </summary>
public sealed class FrameDashboard : IAsyncDisposable
{
    public const string RunId = "run-frames";
    public const string ImportRunId = "run-frames-import";
    /// <summary>Sampled at these times: frames 0 and 24 are red, 25 and 49 blue (25 fps).</summary>
    public static readonly double[] Times = [0, 0.96, 1.0, 1.96];
    /// <summary>The yellow square of the video, as a face box.</summary>
    public static readonly double[] VideoFace = [100, 60, 80, 80];
    /// <summary>The magenta square of the 200×300 image, as a face box.</summary>
    public static readonly double[] ImageFace = [50, 60, 40, 40];

    private readonly TempDirectory _folder;

    private FrameDashboard(TempDirectory folder, DashboardServer server) => (_folder, Server, Http) = (folder, server, new HttpClient { BaseAddress = server.BaseUri });

    public DashboardServer Server { get; }
    public HttpClient Http { get; }
    public string OutputRoot => _folder.Path;
    public string CacheFolder => Path.Combine(OutputRoot, "outputs", ".cache", "frames");

    public static async Task<FrameDashboard> StartAsync()
    {
        var folder = new TempDirectory("catwalk-frames-");
        var root = Path.Combine(folder.Path, "outputs");
        Directory.CreateDirectory(Path.Combine(root, "videos"));
        Directory.CreateDirectory(Path.Combine(root, "images"));
        var video = Path.Combine(root, "videos", "colours.mp4");
        await FfmpegAsync("-f", "lavfi", "-i", "color=c=red:s=320x240:r=25:d=2", "-vf",
            "drawbox=x=0:y=0:w=iw:h=ih:color=blue:t=fill:enable='gte(t,1)',drawbox=x=100:y=60:w=80:h=80:color=yellow:t=fill",
            "-pix_fmt", "yuv420p", "-c:v", "libx264", video);
        File.Copy(video, Path.Combine(folder.Path, "outside.mp4"));
        using (var bitmap = new SKBitmap(200, 300))
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Green);
            canvas.DrawRect(50, 60, 40, 40, new SKPaint { Color = SKColors.Magenta });
            await File.WriteAllBytesAsync(Path.Combine(root, "images", "look.png"), TestImages.Encode(bitmap));
        }

        await using (var store = await RunStoreFactory.OpenAsync(null, root))
        {
            var t = SeededDashboard.Day.ToUnixTimeMilliseconds();
            JobRecord Job(string id, StageKind stage, string model, string file, string metrics) => new()
            {
                Id = id, RunId = RunId, Stage = stage, ModelKey = model, EndpointId = $"fal-ai/{model}", InputKey = stage == StageKind.Image ? "look-1" : "look-1@2s",
                CreatedAt = t, UpdatedAt = t, State = JobState.Downloaded, FilePath = file, ContentType = stage == StageKind.Image ? "image/png" : "video/mp4",
                LatencySec = 10, DurationSec = stage == StageKind.Video ? 2 : null, CostUsd = 0.2m, EstimatedCostUsd = 0.2m, MetricsJson = metrics,
            };
            List<JobRecord> jobs =
            [
                Job("job-new", StageKind.Video, "veo3", "videos/colours.mp4", VideoMetrics(NewFrames())) with { Emulated = true },
                Job("job-old", StageKind.Video, "kling", "videos/colours.mp4", VideoMetrics(OldFrames(VideoFace))),
                Job("job-image", StageKind.Image, "nano-banana-edit", "images/look.png", $$$"""{"fashion":{"frames_sampled":1,"identity_mean":0.7,"frames":[{"time_sec":0,"face_found":true,"identity":0.7,"face_box":[{{{string.Join(",", ImageFace.Select(I))}}}],"full_body":false}],"flags":[],"notes":[]}}"""),
                Job("job-escape", StageKind.Video, "pika", "../outside.mp4", VideoMetrics(NewFrames())),
                Job("job-unmeasured", StageKind.Video, "luma", "videos/colours.mp4", null!) with { MetricsJson = null },
                Job("job-skipped", StageKind.Video, "ltx", "videos/colours.mp4", VideoMetrics("").Replace($"\"frames_sampled\":{Times.Length}", "\"frames_sampled\":0")),
            ];
            await store.CreateRunAsync(new RunRecord { Id = RunId, Kind = RunKind.Run, OutputRoot = root, CreatedAt = t, UpdatedAt = t, Status = RunStatus.Completed }, jobs);
            foreach (var job in jobs.Where(j => j.MetricsJson is not null)) await store.SaveMetricsAsync(job.Id, job.MetricsJson!); // stored after download, as the recorder does
            // An import whose file was found outside its run's folder: /media serves it, the frame endpoint does not decode it.
            await store.CreateRunAsync(new RunRecord { Id = ImportRunId, Kind = RunKind.Import, OutputRoot = Path.Combine(folder.Path, "imported"), CreatedAt = t, UpdatedAt = t, Status = RunStatus.Completed },
                [Job("job-imported", StageKind.Video, "veo3", Path.Combine(folder.Path, "outside.mp4"), VideoMetrics(NewFrames())) with { RunId = ImportRunId }]);
            await store.SaveMetricsAsync("job-imported", VideoMetrics(NewFrames()));
        }
        var server = await DashboardServer.StartAsync(new DashboardOptions { ApplicationName = TestHost.Name, OutputRoot = root });
        return new FrameDashboard(folder, server);
    }

    /// <summary>Today's layout: the measured size, keypoints, the garment region; the face on frame 1, the lowest identity on frame 2.</summary>
    private static string NewFrames() => string.Join(",", Times.Select((time, i) => $$"""
        {"time_sec":{{I(time)}},"width":320,"height":240,"face_found":{{(i == 1 ? "true" : "false")}},"identity":{{(i == 1 ? "0.8" : i == 2 ? "0.3" : "null")}},
         "face_box":{{(i == 1 ? $"[{string.Join(",", VideoFace.Select(I))}]" : "null")}},"full_body":true,
         "keypoints":{"nose":[140,70,0.9],"leftAnkle":[130,230,0.5],"rightAnkle":[150,230,0.1]},
         "garment_delta_e":4.5,"garment_hist_intersection":0.8,"garment_box":[100,100,80,120],"garment_outline":[100,110,100,210,180,210,180,110]}
        """));

    /// <summary>As rows were stored before the measured size, keypoints and garment region were kept.</summary>
    private static string OldFrames(double[] face) => string.Join(",", Times.Select((time, i) => $$"""
        {"time_sec":{{I(time)}},"face_found":true,"identity":{{I(0.9 - 0.1 * i)}},"face_box":[{{string.Join(",", face.Select(I))}}],"full_body":false,"garment_delta_e":null,"garment_hist_intersection":null}
        """));

    private static string VideoMetrics(string frames) => $$$"""
        {"duration_sec":2,"width":320,"height":240,"fps":25,"codec":"h264","has_audio":false,"frames":50,"temporal_flicker_score":0.9,"frame_difference_mean":3,"frame_difference_variance":1,"brightness_flicker":0.5,"brightness_drift":0,"frozen_sec":0,"frozen_fraction":0,"black_sec":0,"cuts":0,"flags":[],
         "fashion":{"frames_sampled":{{{Times.Length}}},"identity_mean":0.6,"full_body_share":0.5,"frames":[{{{frames}}}],"flags":[],"notes":[]}}
        """;

    private static string I(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task FfmpegAsync(params string[] args)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var a in new[] { "-v", "error", "-y" }.Concat(args)) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start (apt-get install -y ffmpeg).");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg failed: {error}");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        _folder.Dispose();
    }
}
