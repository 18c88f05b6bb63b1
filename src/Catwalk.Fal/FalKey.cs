using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Catwalk.Fal;

/// <summary>
/// The fal API key. It has no public way to read it: only the handler that writes the Authorization header can.
/// It prints as <c>FalKey(****)</c>, serializes as <c>"****"</c> and refuses to be deserialized, so it cannot leak
/// through logs, JSON or a saved run. Configuration can still bind it from a string (<c>Fal:Key</c>).
/// </summary>
[JsonConverter(typeof(RedactingJsonConverter))]
[TypeConverter(typeof(FromStringConverter))]
public sealed class FalKey
{
    private const string Redacted = "****";

    private FalKey(string value) => Value = value;

    internal string Value { get; }

    /// <summary>FAL_KEY; else FAL_KEY_ID + FAL_KEY_SECRET as "id:secret" (as fal's clients do); else FAL_API_KEY (the original tool's name); null if none.</summary>
    public static FalKey? FromEnvironment(IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (Get(environment, "FAL_KEY") is { } key) return new FalKey(key);
        if (Get(environment, "FAL_KEY_ID") is { } id && Get(environment, "FAL_KEY_SECRET") is { } secret) return new FalKey($"{id}:{secret}");
        if (Get(environment, "FAL_API_KEY") is { } legacy) return new FalKey(legacy);
        return null;
    }

    /// <summary>The same, from this process's environment variables.</summary>
    /// <summary><c>FAL_ADMIN_KEY</c>: an ADMIN-scope key for usage and billing, kept apart from the key that pays for jobs.</summary>
    public static FalKey? AdminFromEnvironment() =>
        Environment.GetEnvironmentVariable("FAL_ADMIN_KEY") is { Length: > 0 } admin ? FromEnvironment(new Dictionary<string, string?> { ["FAL_KEY"] = admin }) : null;

    public static FalKey? FromEnvironment() =>
        FromEnvironment(new[] { "FAL_KEY", "FAL_KEY_ID", "FAL_KEY_SECRET", "FAL_API_KEY" }.ToDictionary(n => n, Environment.GetEnvironmentVariable));

    public override string ToString() => $"FalKey({Redacted})";

    private static string? Get(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.GetValueOrDefault(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>Writes "****"; reading a key from JSON is refused (keys come from the environment or configuration).</summary>
    private sealed class RedactingJsonConverter : JsonConverter<FalKey>
    {
        public override FalKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new JsonException("A fal key is never read from JSON; set FAL_KEY instead.");

        public override void Write(Utf8JsonWriter writer, FalKey value, JsonSerializerOptions options) => writer.WriteStringValue(Redacted);
    }

    /// <summary>Lets configuration binding set <see cref="FalOptions.Key"/> from a string; converting back to text gives the redacted form.</summary>
    private sealed class FromStringConverter : TypeConverter
    {
        public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string);

        public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
            value is string text && !string.IsNullOrWhiteSpace(text) ? new FalKey(text.Trim()) : null;

        public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
            destinationType == typeof(string) ? value?.ToString() : base.ConvertTo(context, culture, value, destinationType);
    }
}
