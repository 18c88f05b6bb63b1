using System.Text.Json.Serialization;

namespace Catwalk.Catalog;

/// <summary>
/// The media key of a model's result (<see cref="OutputSpec.Media"/>): written in catalog files, and by the importer,
/// as the key itself ("video", "images", "image"), so the files read and write the same words as when this was a string.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<OutputMedia>))]
public enum OutputMedia
{
    /// <summary>The result has <c>{"video": File}</c>.</summary>
    [JsonStringEnumMemberName("video")] Video,
    /// <summary>The result has <c>{"images": [File]}</c>.</summary>
    [JsonStringEnumMemberName("images")] Images,
    /// <summary>The result has one <c>{"image": File}</c> (Kling's Kolors try-on).</summary>
    [JsonStringEnumMemberName("image")] Image,
}
