namespace Catwalk.Domain;

/// <summary>A reference image file that has been checked: it exists, is an image fal accepts, and is small enough.</summary>
public sealed record ReferenceImage(ReferenceRole Role, string Path, string ContentType, int Width, int Height, long SizeBytes, string Sha256)
{
    public string FileName => System.IO.Path.GetFileName(Path);
}
