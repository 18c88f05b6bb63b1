namespace Catwalk.Pipelines.Outputs;

/// <summary>
/// Where results go, in the original tool's layout so existing folders and scripts keep working:
/// <c>images/YYYY_MM_DD/nano_banana_edit/img_&lt;ts&gt;_&lt;i&gt;.png</c> + <c>meta_&lt;ts&gt;.json</c> and
/// <c>videos/YYYY_MM_DD/&lt;model-key&gt;/video_&lt;ts&gt;.mp4</c> + <c>meta_&lt;ts&gt;.json</c>.
/// </summary>
public sealed class OutputLayout(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string ImageFolder(RunStamp run, string modelKey) =>
        Path.Combine(RootOf(run), "images", run.DateFolder, modelKey.Replace('-', '_'));

    /// <param name="tag">Tells jobs of one run apart (a batch's look and duration); null for a single look, as the original tool named files.</param>
    public string ImagePath(RunStamp run, string modelKey, int index, string extension, string? tag = null) =>
        Path.Combine(ImageFolder(run, modelKey), $"img_{Stamp(run, tag)}_{index}{extension}");

    public string ImageMetadataPath(RunStamp run, string modelKey, string? tag = null) =>
        Path.Combine(ImageFolder(run, modelKey), $"meta_{Stamp(run, tag)}.json");

    public string VideoFolder(RunStamp run, string modelKey) =>
        Path.Combine(RootOf(run), "videos", run.DateFolder, modelKey);

    public string VideoPath(RunStamp run, string modelKey, string? tag = null) =>
        Path.Combine(VideoFolder(run, modelKey), $"video_{Stamp(run, tag)}.mp4");

    public string VideoMetadataPath(RunStamp run, string modelKey, string? tag = null) =>
        Path.Combine(VideoFolder(run, modelKey), $"meta_{Stamp(run, tag)}.json");

    /// <summary>A stored relative path of <paramref name="run"/>'s outputs, made absolute.</summary>
    public string FullPath(RunStamp run, string relative) => Path.GetFullPath(Path.Combine(RootOf(run), relative));

    /// <summary>The run's outputs root: its own when it has one, else this layout's.</summary>
    public string RootOf(RunStamp run) => run.OutputRoot is { } own ? Path.GetFullPath(own) : Root;

    private static string Stamp(RunStamp run, string? tag) => tag is null ? run.FileStamp : $"{run.FileStamp}_{tag}";

    /// <summary>The path relative to <paramref name="run"/>'s outputs root, as stored in its metadata and the run store.</summary>
    public string Relative(RunStamp run, string path) => Path.GetRelativePath(RootOf(run), path).Replace('\\', '/');
}
