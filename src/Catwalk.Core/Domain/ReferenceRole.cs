namespace Catwalk.Domain;

/// <summary>What a reference image shows.</summary>
public enum ReferenceRole
{
    Person,
    Face,
    Outfit,
    /// <summary>The first frame handed to the video models.</summary>
    StartFrame,
}
