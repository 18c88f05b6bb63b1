namespace Catwalk.Fal.Generation;

/// <summary>Which fal Catwalk is talking to: the real service, or the built-in emulator (results are then not real model output).</summary>
/// <param name="StartDeadline">The start deadline every submit carries (<see cref="FalOptions.StartDeadline"/>), recorded with each job's send.</param>
public sealed record FalConnection(bool Emulated, Uri QueueUrl, TimeSpan? StartDeadline = null);
