using System.Text.Json.Serialization;

namespace Catwalk.Domain;

/// <summary>What a job makes. Stored and shown as its lower-case name (<see cref="StageKindNames"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StageKind>))]
public enum StageKind
{
    /// <summary>A still image (the dressed person), from an image model.</summary>
    [JsonStringEnumMemberName("image")] Image,
    /// <summary>A video animated from an image, from a video model.</summary>
    [JsonStringEnumMemberName("video")] Video,
}
