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
        Path.Combine(Root, "images", run.DateFolder, modelKey.Replace('-', '_'));

    public string ImagePath(RunStamp run, string modelKey, int index, string extension) =>
        Path.Combine(ImageFolder(run, modelKey), $"img_{run.FileStamp}_{index}{extension}");

    public string ImageMetadataPath(RunStamp run, string modelKey) =>
        Path.Combine(ImageFolder(run, modelKey), $"meta_{run.FileStamp}.json");

    public string VideoFolder(RunStamp run, string modelKey) =>
        Path.Combine(Root, "videos", run.DateFolder, modelKey);

    public string VideoPath(RunStamp run, string modelKey) =>
        Path.Combine(VideoFolder(run, modelKey), $"video_{run.FileStamp}.mp4");

    public string VideoMetadataPath(RunStamp run, string modelKey) =>
        Path.Combine(VideoFolder(run, modelKey), $"meta_{run.FileStamp}.json");

    /// <summary>The path relative to the outputs root, with forward slashes, as stored in metadata.</summary>
    public string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
}
