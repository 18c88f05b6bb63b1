using System.Text.Json.Serialization;

namespace Catwalk.Store;

/// <summary>
/// Which command made a run (<see cref="RunKindNames"/>). Stored, shown and written to JSON (a run spec's <c>kind</c>)
/// as its lower-case word ("batch"), as it was when it was a string, so old databases and stored specs read the same.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunKind>))]
public enum RunKind
{
    /// <summary><c>catwalk run</c> (and the dashboard's launch page): one look, its image, then its videos.</summary>
    [JsonStringEnumMemberName("run")] Run,
    /// <summary><c>catwalk batch</c>: a manifest's looks × settings × models × durations.</summary>
    [JsonStringEnumMemberName("batch")] Batch,
    /// <summary><c>catwalk image</c>: the image stage only.</summary>
    [JsonStringEnumMemberName("image")] Image,
    /// <summary><c>catwalk video</c>: videos from a given start image.</summary>
    [JsonStringEnumMemberName("video")] Video,
    /// <summary><c>catwalk import</c>: an existing outputs folder brought into the store (history only, no plan).</summary>
    [JsonStringEnumMemberName("import")] Import,
}
