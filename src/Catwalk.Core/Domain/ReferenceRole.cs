namespace Catwalk.Domain;

/// <summary>What a reference image shows.</summary>
public enum ReferenceRole
{
    Person,
    Face,
    Outfit,
}
