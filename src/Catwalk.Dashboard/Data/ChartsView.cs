using Catwalk.Runs.Reports;

namespace Catwalk.Dashboard.Data;

/// <summary>What the charts page shows for a filter: the report (per-model numbers), its fashion rows, and the latency timeline.</summary>
public sealed record ChartsView(RunReport Report, IReadOnlyList<FashionRow> Fashion, LatencyTimeline Timeline);
