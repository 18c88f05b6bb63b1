using System.Globalization;
using Catwalk.Catalog;

namespace Catwalk.Cli.Terminal;

/// <summary>Formats dollar amounts; "≈" marks a price fal does not publish.</summary>
internal static class Money
{
    public static string Format(decimal usd) => usd.ToString("$0.00##", CultureInfo.InvariantCulture);

    public static string Format(CostEstimate? cost) =>
        cost is null ? "–" : (cost.Verified ? "" : "≈") + Format(cost.Usd);
}
