namespace Catwalk.Catalog;

/// <summary>How a model wants a duration written in its input.</summary>
public enum DurationFormat
{
    /// <summary>A JSON integer: <c>5</c>.</summary>
    Integer,
    /// <summary>A JSON string of the number: <c>"5"</c>.</summary>
    String,
    /// <summary>A JSON string with an <c>s</c> suffix: <c>"8s"</c>.</summary>
    SecondsSuffix,
    /// <summary>No duration field: a frame count at a fixed frame rate.</summary>
    Frames,
}
