namespace Catwalk.Catalog.Import;

/// <summary>An endpoint Catwalk cannot use as an image-to-video or image-edit model; the message says why.</summary>
public sealed class UnusableModelException(string message) : Exception(message);
