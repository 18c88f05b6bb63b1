namespace Catwalk.Emulator.Faults;

/// <summary>
/// One injected fault: at <see cref="Stage"/>, for endpoints matching <see cref="Endpoint"/> (full id, owner/app or
/// catalog key; null = all), with probability <see cref="Probability"/>, at most <see cref="MaxTimes"/> times.
/// Spec form (CLI <c>--fault</c>): <c>stage[@endpoint]=kind[:probability][xCOUNT]</c>, e.g. <c>status=unavailable:0.2</c>,
/// <c>submit@veo3=lost-submit x1</c>.
/// </summary>
public sealed record FaultRule(FaultStage Stage, FaultKind Kind, double Probability = 1, int? MaxTimes = null, string? Endpoint = null)
{
    public int RetryAfterSeconds { get; init; } = 1;
    public int DelayMilliseconds { get; init; } = 2000;

    public static FaultRule Parse(string spec)
    {
        var (left, right) = Split(spec, '=') ?? throw Bad(spec, "expected stage[@endpoint]=kind[:probability][xCOUNT]");
        var (stageText, endpoint) = Split(left, '@') is { } at ? (at.Left, at.Right) : (left, (string?)null);
        if (!TryEnum<FaultStage>(stageText, out var stage)) throw Bad(spec, $"unknown stage '{stageText}' ({Names<FaultStage>()})");
        int? times = null;
        var xAt = right.LastIndexOf('x');
        if (xAt > 0 && int.TryParse(right[(xAt + 1)..].Trim(), out var n)) (right, times) = (right[..xAt].Trim(), n);
        var (kindText, probabilityText) = Split(right, ':') is { } colon ? (colon.Left, colon.Right) : (right, (string?)null);
        if (!TryEnum<FaultKind>(kindText.Trim(), out var kind)) throw Bad(spec, $"unknown kind '{kindText}' ({Names<FaultKind>()})");
        var probability = 1.0;
        if (probabilityText is not null && (!double.TryParse(probabilityText, System.Globalization.CultureInfo.InvariantCulture, out probability) || probability is < 0 or > 1))
            throw Bad(spec, $"probability '{probabilityText}' must be between 0 and 1");
        return new FaultRule(stage, kind, probability, times, string.IsNullOrWhiteSpace(endpoint) ? null : endpoint.Trim());
    }

    private static (string Left, string Right)? Split(string text, char separator)
    {
        var i = text.IndexOf(separator);
        return i < 0 ? null : (text[..i].Trim(), text[(i + 1)..].Trim());
    }

    private static bool TryEnum<T>(string text, out T value) where T : struct, Enum =>
        Enum.TryParse(text.Replace("-", "").Replace("_", ""), ignoreCase: true, out value);

    private static string Names<T>() where T : struct, Enum =>
        string.Join(", ", Enum.GetNames<T>().Select(n => string.Concat(n.Select((c, i) => i > 0 && char.IsUpper(c) ? $"-{char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()))));

    private static FormatException Bad(string spec, string why) => new($"Fault '{spec}': {why}.");
}
