using System.Text.Json.Serialization;

namespace Catwalk.Domain;

/// <summary>
/// Which side of the person a look's image shows (<c>--angles</c>). Stored as its word ("three-quarter"), as written on
/// the command line and in manifests.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CameraAngle>))]
public enum CameraAngle
{
    /// <summary>Facing the camera: the person picture's own angle (a try-on model keeps that pose).</summary>
    [JsonStringEnumMemberName("front")] Front,
    [JsonStringEnumMemberName("three-quarter")] ThreeQuarter,
    [JsonStringEnumMemberName("side")] Side,
    [JsonStringEnumMemberName("back")] Back,
}
