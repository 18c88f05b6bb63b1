namespace Catwalk.Runs.Import;

/// <summary>One metadata file cannot be imported; the message says why and what to do. It becomes an <see cref="ImportProblem"/>.</summary>
internal sealed class SidecarException(string message, Exception? inner = null) : Exception(message, inner);
