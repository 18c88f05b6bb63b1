using System.Text.RegularExpressions;
using Catwalk.Fal;
using Microsoft.Extensions.Options;

namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// A setting refused when a command's host started, as one line: what is wrong (with the value given), then where
/// that setting comes from, so the user knows what to change.
/// </summary>
internal static partial class SettingProblem
{
    /// <summary>The fal URLs the CLI reads from <c>Catwalk:Fal:*</c>; the fal library names them <c>Fal:*</c>.</summary>
    private static readonly string[] CliFalSettings = ["QueueUrl", "StorageUrl", "ApiUrl"];

    public static string Describe(IEnumerable<OptionsValidationException> problems)
    {
        var failures = problems.SelectMany(p => p.Failures.Select(f => p.OptionsType == typeof(FalOptions) ? AsCliSetting(f) : f)).Distinct().ToList();
        var names = failures.Select(f => SettingName().Match(f)).Where(m => m.Success).Select(m => m.Value).Distinct().ToList();
        var where = names.Count == 0 ? "" : " " + WhereToFix(names) + ".";
        return string.Join(" ", failures.Select(f => f.TrimEnd('.') + ".")) + where;
    }

    private static string AsCliSetting(string failure) =>
        CliFalSettings.FirstOrDefault(s => failure.StartsWith($"Fal:{s} ", StringComparison.Ordinal)) is null ? failure : "Catwalk:" + failure;

    /// <summary>Where a <c>Catwalk:*</c> setting is read from: appsettings.json, its <c>Catwalk__*</c> variable, and the short variable if it has one.</summary>
    /// <summary>Where the settings named are read from: appsettings.json, or each one's environment variable (the short one if it has one).</summary>
    public static string WhereToFix(IReadOnlyCollection<string> names) =>
        $"Set {(names.Count == 1 ? "it" : "them")} in appsettings.json or {string.Join(", ", names.Select(Variable))}";

    private static string Variable(string name) =>
        CliConfiguration.ShortNames.FirstOrDefault(s => s.Value == name).Key ?? name.Replace(":", "__");

    [GeneratedRegex(@"^Catwalk(:[A-Za-z]+)+")]
    private static partial Regex SettingName();
}
