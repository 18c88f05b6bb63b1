namespace Catwalk.Catalog;

/// <summary>What an endpoint takes and produces.</summary>
public enum ModelKind
{
    ImageEdit,
    TextToImage,
    ImageToVideo,
}
