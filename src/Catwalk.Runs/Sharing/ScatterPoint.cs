namespace Catwalk.Runs.Sharing;

/// <summary>One model in the quality-vs-cost scatter; <see cref="OnFrontier"/>: no other model is both better and cheaper.</summary>
public sealed record ScatterPoint(string Model, double Cost, double Quality, bool OnFrontier);
