using Catwalk.Fal;

namespace Catwalk.Pipelines;

/// <summary>The one-line text shown for a failed job: fal's own errors are already user-facing; anything else is named by type.</summary>
public static class ErrorText
{
    public static string For(Exception e) => e switch
    {
        FalException or Catalog.UnsupportedSettingException or Domain.InvalidInputException
            or Journal.JobSkippedException or Journal.BudgetExceededException => e.Message,
        HttpRequestException http => $"network error: {http.Message}",
        TimeoutException => $"timed out: {e.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
