namespace Catwalk.Domain;

public enum Gender
{
    Unspecified,
    Female,
    Male,
    NonBinary,
}
