namespace Catwalk.Store;

/// <summary>A <see cref="BillingSource"/>'s word, as stored in <c>jobs.billed_source</c> and shown, and the source a stored word names.</summary>
public static class BillingSourceNames
{
    extension(BillingSource source)
    {
        public string Name() => source switch
        {
            BillingSource.BillingEvents => "billing_events",
            BillingSource.Usage => "usage",
            _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
        };
    }

    /// <summary>The source a stored word names; null for none (never fetched) or a word this version does not know.</summary>
    public static BillingSource? Parse(string? name)
    {
        foreach (var candidate in Enum.GetValues<BillingSource>())
            if (string.Equals(candidate.Name(), name, StringComparison.Ordinal)) return candidate;
        return null;
    }
}
