namespace Catwalk.Pipelines.Journal;

/// <summary>Running this job would take the run past its budget; it was not sent.</summary>
public sealed class BudgetExceededException(string message) : Exception(message);
