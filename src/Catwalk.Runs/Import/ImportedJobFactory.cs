using Catwalk.Domain;
using System.Security.Cryptography;
using System.Text;
using Catwalk.Catalog;
using Catwalk.Store;

namespace Catwalk.Runs.Import;

/// <summary>Turns one metadata file and the media beside it into the job that records it.</summary>
internal sealed class ImportedJobFactory(ModelCatalog catalog, string storeRoot)
{
    /// <summary>The job for <paramref name="metadataPath"/>; a <see cref="SidecarException"/> when the file cannot be used.</summary>
    public async Task<JobRecord> CreateAsync(string metadataPath, string outputsRoot, string runId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var bytes = await ReadAsync(metadataPath, cancellationToken).ConfigureAwait(false);
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var sidecar = SidecarReader.Read(text);
        var folderName = Path.GetFileName(Path.GetDirectoryName(metadataPath))!;
        var endpoint = sidecar.Endpoint ?? (IsEndpointId(sidecar.Model) ? sidecar.Model : null);
        // A named endpoint decides the model alone: the folder could name another model and must not override it.
        var model = endpoint is not null ? catalog.Find(endpoint)
            : Find(sidecar.Model) ?? Find(folderName) ?? Find(folderName.Replace('_', '-'));
        var stage = Stages.Of(metadataPath, sidecar, model) ?? throw new SidecarException(
            "It does not say whether it describes an image or a video: it is not under images/ or videos/ and has none of "
            + "duration_sec, reference_image, reference_images or a video/images raw_response. Move it into the outputs layout and import again.");

        var media = MediaLocator.Locate(metadataPath, sidecar, stage, outputsRoot);
        var digest = media.Found is { } found ? await DigestAsync(found, cancellationToken).ConfigureAwait(false) : null;
        var at = (sidecar.Timestamp ?? ImportTimestamp.FromFileName(metadataPath) ?? File.GetLastWriteTimeUtc(metadataPath)).ToUnixTimeMilliseconds();
        var images = stage == StageKind.Image ? Math.Max(Math.Max(sidecar.Files.Count, sidecar.ResponseImages), media.ImagesFound) : 0;
        var (estimated, paid) = ImportCost.Of(sidecar, model, stage, images);

        return new JobRecord
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            RunId = runId,
            Stage = stage,
            ModelKey = model?.Key ?? folderName,
            EndpointId = endpoint ?? model?.EndpointId ?? sidecar.Model ?? folderName,
            InputKey = InputOf(sidecar, stage),
            RequestedDuration = sidecar.RequestedDurationSec,
            State = media.Found is null ? JobState.Failed : JobState.Downloaded,
            Error = media.Found is null ? $"media file missing: {media.Expected}" : null,
            // A reused result is not a fal request of its own (its request id is its source's) and cost nothing.
            RequestId = sidecar.CachedFrom is null ? sidecar.RequestId : null,
            EstimatedCostUsd = estimated,
            CostUsd = sidecar.CachedFrom is null ? paid : 0,
            QueueSec = sidecar.QueueSec,
            InferenceSec = sidecar.InferenceSec,
            DownloadSec = sidecar.DownloadSec,
            LatencySec = sidecar.LatencySec,
            DurationSec = stage == StageKind.Video ? sidecar.DurationSec : null,
            CreatedAt = at,
            UpdatedAt = now.ToUnixTimeMilliseconds(),
            CompletedAt = at,
            FilePath = media.Found is { } file ? StorePath(file) : null,
            FileSha256 = digest?.Sha256,
            FileBytes = digest?.Bytes,
            ContentType = media.Found is { } typed ? sidecar.FileContentType ?? ContentTypes.Of(typed) : null,
            MetadataPath = StorePath(metadataPath),
            MetadataJson = text,
            ResultJson = sidecar.RawResponse,
            Prompt = sidecar.Prompt,
            Emulated = sidecar.Emulated,
            Source = sidecar.WrittenByCatwalk ? "catwalk" : "seed",
            ImportKey = Convert.ToHexStringLower(SHA256.HashData(bytes)),
        };
    }

    private ModelDescriptor? Find(string? key) => string.IsNullOrWhiteSpace(key) ? null : catalog.Find(key);

    private static bool IsEndpointId(string? model) => model is not null && model.Contains('/') && EndpointIds.IsValid(model);

    /// <summary>The input image(s), so imports can be filtered by them; "imported" when the file names none.</summary>
    private static string InputOf(Sidecar sidecar, StageKind stage)
    {
        IReadOnlyList<string> references = stage == StageKind.Video && sidecar.ReferenceImage is { } one ? [one]
            : sidecar.ReferenceImages.Count > 0 ? sidecar.ReferenceImages
            : sidecar.ReferenceImage is { } single ? [single] : [];
        // An inline data URI can be megabytes: it is named, not stored as a key.
        var named = references.Select(r => r.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? "data URI" : r).ToList();
        return named.Count > 0 ? string.Join(" + ", named) : "imported";
    }

    /// <summary>Relative to the store's output root (forward slashes) when under it, so the store moves with the folder; else absolute.</summary>
    private string StorePath(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(storeRoot, full);
        return relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? full : relative.Replace('\\', '/');
    }

    private static async Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SidecarException($"The file cannot be read ({e.Message}). Check that it exists and is readable, then import again.", e);
        }
    }

    private static async Task<FileDigest> DigestAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await FileDigest.ComputeAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SidecarException($"Its media file {path} cannot be read ({e.Message}). Check its permissions, then import again.", e);
        }
    }
}
