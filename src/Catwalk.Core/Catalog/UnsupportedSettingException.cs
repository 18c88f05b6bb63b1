namespace Catwalk.Catalog;

/// <summary>A setting the catalog says a model cannot take; thrown before anything is sent or paid.</summary>
public sealed class UnsupportedSettingException(string modelKey, string setting, string message) : Exception(message)
{
    public string ModelKey { get; } = modelKey;
    public string Setting { get; } = setting;
}
