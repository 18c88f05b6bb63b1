namespace Catwalk.Catalog;

/// <summary>How fal bills a model.</summary>
public enum PriceBasis
{
    /// <summary>Per second of output video (optionally a higher rate with audio, or a rate per resolution).</summary>
    PerSecond,
    /// <summary>Per clip of <see cref="PriceSpec.ClipSeconds"/>, scaled by duration and resolution multipliers.</summary>
    PerClip,
    /// <summary>Per million video tokens, tokens = width × height × fps × seconds / 1024.</summary>
    VideoTokens,
    /// <summary>Per output image.</summary>
    PerImage,
}
