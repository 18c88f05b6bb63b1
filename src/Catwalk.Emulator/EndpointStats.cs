namespace Catwalk.Emulator;

/// <summary>What one endpoint served: submissions, status polls, status streams, results and cancels.</summary>
public sealed record EndpointStats(int Submissions, int StatusCalls, int StreamCalls, int Results, int Cancels);
