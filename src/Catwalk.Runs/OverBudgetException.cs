using Catwalk.Domain;

namespace Catwalk.Runs;

/// <summary>The plan's estimated cost is over the budget: refused before anything was sent.</summary>
public sealed class OverBudgetException(decimal estimateUsd, decimal budgetUsd, int jobs)
    : InvalidInputException($"The plan's {jobs} job(s) would cost ≈${estimateUsd:0.00##}, over the ${budgetUsd:0.00} budget; nothing was sent. Raise --budget, or plan fewer models, durations or looks (see --plan).")
{
    public decimal EstimateUsd { get; } = estimateUsd;
    public decimal BudgetUsd { get; } = budgetUsd;
}
