namespace Catwalk.Catalog;

/// <summary>A catalog file that cannot be used, with the file and entry named.</summary>
public sealed class CatalogException(string message, Exception? inner = null) : Exception(message, inner);
