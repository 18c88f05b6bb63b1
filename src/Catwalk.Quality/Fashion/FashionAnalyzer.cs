using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Catwalk.Quality.Fashion;

/// <summary>
/// Fashion metrics of sampled frames (or of one generated image) against the references, from what the vision worker
/// measures: identity (faceres cosine), full body in frame (MoveNet keypoints, <see cref="FramingRule"/>) and garment
/// colour (ΔE2000 of dominant colours, histogram intersection). Thresholds: <see cref="FashionThresholds"/>.
/// </summary>
public static class FashionAnalyzer
{
    // References repeat across the videos of a run: measured once per file version and process.
    private static readonly ConcurrentDictionary<(string Path, DateTime Written, string Tasks), VisionReply> References = new();

    public static async Task<FashionMetrics> AnalyzeAsync(VisionWorker worker, IReadOnlyList<VisionPicture> frames, FashionReferences references, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        double cpuMs = 0;
        float[]? identity = null;
        if (references.IdentityReference is { } faceFile)
        {
            var reply = await ReferenceAsync(worker, faceFile, ["pose", "face"], null, cancellationToken).ConfigureAwait(false);
            identity = reply.Face?.Embedding;
            if (identity is null) notes.Add($"No face found in the reference '{Path.GetFileName(faceFile)}': identity not measured.");
        }
        else notes.Add("No face or person reference (--face): identity not measured.");

        ColourDistribution? outfit = null;
        if (references.Outfits.Count > 0)
        {
            var readings = new List<ColourReading>();
            foreach (var garment in references.Outfits)
            {
                var reply = await ReferenceAsync(worker, garment, ["colour"], "auto", cancellationToken).ConfigureAwait(false);
                if (reply.Colour is { Bins.Length: > 0 } c) readings.Add(c);
                else notes.Add($"No garment found in the outfit picture '{Path.GetFileName(garment)}'.");
            }
            outfit = ColourDistribution.Merge(readings);
        }
        else notes.Add("No outfit reference (--outfit): garment fidelity not measured.");

        var tasks = new JsonArray("pose");
        if (identity is not null) tasks.Add("face");
        if (outfit is not null) tasks.Add("colour");
        var measured = new List<FashionFrame>();
        foreach (var frame in frames)
        {
            var reply = VisionReply.Parse(await worker.AskAsync(new JsonObject { ["op"] = "analyze", ["image"] = frame.ToJson(), ["tasks"] = tasks.DeepClone(), ["region"] = "person" }, cancellationToken).ConfigureAwait(false));
            cpuMs += reply.CpuMs;
            var colours = ColourDistribution.From(reply.Colour);
            measured.Add(new FashionFrame
            {
                TimeSec = Math.Round(frame.TimeSec, 3),
                Width = reply.Width,
                Height = reply.Height,
                FaceFound = reply.Face is not null,
                FaceBox = reply.Face?.Box,
                Identity = identity is not null && reply.Face is { } face ? Math.Round(Cosine(identity, face.Embedding), 4) : null,
                FullBody = FramingRule.ShowsFullBody(reply.Pose, reply.Width, reply.Height),
                Keypoints = reply.Pose?.Keypoints,
                GarmentDeltaE = outfit is not null && colours is not null ? Math.Round(outfit.DeltaE(colours), 2) : null,
                GarmentHistIntersection = outfit is not null && colours is not null ? Math.Round(outfit.Intersection(colours), 4) : null,
                GarmentBox = colours is not null ? reply.Colour?.Box : null,
                GarmentOutline = colours is not null ? reply.Colour?.Outline : null,
            });
        }
        return Summarise(measured, identity is not null, outfit is not null, notes) with { WorkerCpuSec = Math.Round(cpuMs / 1000, 3) };
    }

    private static FashionMetrics Summarise(List<FashionFrame> frames, bool hasIdentity, bool hasOutfit, List<string> notes)
    {
        var flags = new List<string>();
        var n = frames.Count;
        if (n == 0) return new FashionMetrics { Notes = [.. notes, "No frames were sampled."] };
        double? identityMean = null, identityMin = null, drift = null, lowestAt = null, faceShare = null;
        if (hasIdentity)
        {
            faceShare = Math.Round(frames.Count(f => f.FaceFound) / (double)n, 3);
            var scored = frames.Where(f => f.Identity is not null).ToList();
            if (scored.Count > 0)
            {
                identityMean = Math.Round(scored.Average(f => f.Identity!.Value), 4);
                var lowest = scored.MinBy(f => f.Identity!.Value)!;
                (identityMin, lowestAt) = (lowest.Identity, lowest.TimeSec);
                if (scored.Count >= 2) drift = Math.Round(scored[0].Identity!.Value - scored[^1].Identity!.Value, 4);
                if (identityMin < FashionThresholds.Identity) flags.Add($"face changed: identity {identityMin:0.00} at {lowestAt:0.#} s (below {FashionThresholds.Identity:0.00})");
                if (drift > FashionThresholds.Drift) flags.Add($"face drifts: identity falls by {drift:0.00} from the first frame to the last");
            }
            else notes.Add("No face was found in the sampled frames.");
            if (faceShare < FashionThresholds.FaceFoundShare) flags.Add($"face lost: found in {frames.Count(f => f.FaceFound)} of {n} sampled frames");
        }
        var fullBodyShare = Math.Round(frames.Count(f => f.FullBody) / (double)n, 3);
        var feetLeave = frames.FirstOrDefault(f => !f.FullBody)?.TimeSec;
        if (fullBodyShare < FashionThresholds.FullBodyShare)
            flags.Add($"feet cut off: head to toe in {frames.Count(f => f.FullBody)} of {n} sampled frames{(feetLeave is { } t ? $", first missing at {t:0.#} s" : "")}");
        double? deltaE = null, intersection = null;
        if (hasOutfit)
        {
            var coloured = frames.Where(f => f.GarmentDeltaE is not null).ToList();
            if (coloured.Count > 0)
            {
                deltaE = Math.Round(coloured.Average(f => f.GarmentDeltaE!.Value), 2);
                intersection = Math.Round(coloured.Average(f => f.GarmentHistIntersection!.Value), 4);
                if (deltaE > FashionThresholds.GarmentDeltaE || intersection < FashionThresholds.GarmentHistIntersection)
                    flags.Add($"colour changed: outfit ΔE2000 {deltaE:0.#}, histogram overlap {intersection:0.00}");
            }
            else notes.Add("No clothed person was found in the sampled frames: garment fidelity not measured.");
        }
        return new FashionMetrics
        {
            FramesSampled = n,
            IdentityMean = identityMean,
            IdentityMin = identityMin,
            IdentityDrift = drift,
            IdentityLowestSec = lowestAt,
            FaceFoundShare = faceShare,
            FullBodyShare = fullBodyShare,
            FeetLeaveSec = feetLeave,
            GarmentDeltaE = deltaE,
            GarmentHistIntersection = intersection,
            Frames = frames,
            Flags = flags,
            Notes = notes,
        };
    }

    private static async Task<VisionReply> ReferenceAsync(VisionWorker worker, string file, string[] tasks, string? region, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(file);
        var key = (path, File.GetLastWriteTimeUtc(path), string.Join(",", tasks) + region);
        if (References.TryGetValue(key, out var known)) return known;
        var request = new JsonObject { ["op"] = "analyze", ["image"] = VisionPicture.File(path).ToJson(), ["tasks"] = new JsonArray([.. tasks.Select(t => JsonValue.Create(t))]) };
        if (region is not null) request["region"] = region;
        var reply = VisionReply.Parse(await worker.AskAsync(request, cancellationToken).ConfigureAwait(false));
        References[key] = reply;
        return reply;
    }

    internal static double Cosine(float[] a, float[] b)
    {
        if (a.Length != b.Length || a.Length == 0) return 0;
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++) (dot, na, nb) = (dot + a[i] * b[i], na + a[i] * a[i], nb + b[i] * b[i]);
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
