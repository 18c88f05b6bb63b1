namespace Catwalk.Runs.Recommendation;

/// <summary>Which metrics make up automatic quality: the fashion ones when any candidate has them measured, else the pixel ones.</summary>
public enum QualityFamily
{
    Fashion,
    Pixel,
}
