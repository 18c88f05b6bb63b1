namespace Catwalk.Runs.Sharing;

/// <summary>One model's value in a chart, with its interval when it has one.</summary>
public sealed record ChartBar(string Model, double Value, double? Lower = null, double? Upper = null);
