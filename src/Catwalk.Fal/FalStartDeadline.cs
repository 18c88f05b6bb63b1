using System.Globalization;

namespace Catwalk.Fal;

/// <summary>fal's start deadline (<c>x-fal-request-timeout</c>): seconds as a decimal string; fal's clients refuse 1 s or less.</summary>
public static class FalStartDeadline
{
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(1);

    public static string Header(TimeSpan deadline) => deadline.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
