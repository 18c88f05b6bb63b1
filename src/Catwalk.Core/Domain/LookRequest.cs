namespace Catwalk.Domain;

/// <summary>Everything the image stage needs to dress a person: who, in what, where, and how the shot should look.</summary>
public sealed record LookRequest(ReferenceSet References, PersonAttributes Person, EnvironmentAttributes Environment, string? Description)
{
    /// <summary>The side of the person the image shows (<c>--angles</c>); null: as the description says.</summary>
    public CameraAngle? Angle { get; init; }
}
