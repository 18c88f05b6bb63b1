namespace Catwalk.Store;

/// <summary><see cref="Votes"/> votes with the same left and right model, outcome and left video (whose look the leaderboard filters on).</summary>
public sealed record VoteTally(string LeftModel, string RightModel, string Outcome, string LeftJobId, int Votes);
