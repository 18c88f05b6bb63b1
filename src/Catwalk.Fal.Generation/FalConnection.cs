namespace Catwalk.Fal.Generation;

/// <summary>Which fal Catwalk is talking to: the real service, or the built-in emulator (results are then not real model output).</summary>
public sealed record FalConnection(bool Emulated, Uri QueueUrl);
