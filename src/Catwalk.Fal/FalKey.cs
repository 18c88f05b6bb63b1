namespace Catwalk.Fal;

/// <summary>
/// The fal API key. It has no public way to read it: only the handler that writes the Authorization header can.
/// It prints as <c>FalKey(****)</c> and serializes as an empty object, so it cannot leak through logs or JSON.
/// </summary>
public sealed class FalKey
{
    private FalKey(string value) => Value = value;

    internal string Value { get; }

    /// <summary>FAL_KEY; else FAL_KEY_ID + FAL_KEY_SECRET as "id:secret" (as fal's clients do); else FAL_API_KEY (the original tool's name).</summary>
    public static FalKey? FromEnvironment(IReadOnlyDictionary<string, string?> environment)
    {
        if (environment.GetValueOrDefault("FAL_KEY") is { } key && !string.IsNullOrWhiteSpace(key)) return new FalKey(key.Trim());
        if (environment.GetValueOrDefault("FAL_KEY_ID") is { } id && !string.IsNullOrWhiteSpace(id)
            && environment.GetValueOrDefault("FAL_KEY_SECRET") is { } secret && !string.IsNullOrWhiteSpace(secret))
            return new FalKey($"{id.Trim()}:{secret.Trim()}");
        if (environment.GetValueOrDefault("FAL_API_KEY") is { } legacy && !string.IsNullOrWhiteSpace(legacy)) return new FalKey(legacy.Trim());
        return null;
    }

    public static FalKey? FromEnvironment() =>
        FromEnvironment(new[] { "FAL_KEY", "FAL_KEY_ID", "FAL_KEY_SECRET", "FAL_API_KEY" }.ToDictionary(n => n, Environment.GetEnvironmentVariable));

    public override string ToString() => "FalKey(****)";
}
