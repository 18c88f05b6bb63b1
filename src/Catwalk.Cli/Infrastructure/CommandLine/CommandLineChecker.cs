using System.Reflection;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Infrastructure.CommandLine;

/// <summary>
/// Checks a command line against the commands' own settings classes before anything runs: an unknown command or option,
/// an option without its value, a single-value option given twice, a value that does not parse, or an argument too many
/// is one line (with the nearest known name when one is close), so a mistyped option never runs a default that costs money.
/// Spectre's strict parsing stays on behind it; this check exists for the wording and for the cases Spectre lets through
/// (a repeated option silently keeps the last value; a missing value takes the command's name).
/// </summary>
internal static class CommandLineChecker
{
    private static readonly string[] RootOptions = ["-h", "--help", "-v", "--version"];

    /// <returns>The problem, or null when the line is well formed.</returns>
    public static string? Check(IReadOnlyList<string> args, IReadOnlyList<CommandEntry> commands)
    {
        if (args.Count == 0) return null;
        if (args[0].StartsWith('-'))
            return RootOptions.Contains(args[0]) && args.Count == 1 ? null
                : $"'{args[0]}' is not an option of catwalk itself; put options after a command, e.g. `catwalk run {args[0]}` (`catwalk --help` lists the commands).";
        var command = commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            var near = Suggestion.Closest(args[0], commands.Select(c => c.Name));
            return $"Unknown command '{args[0]}'" + (near is null ? "" : $"; did you mean '{near}'?") + $" Commands: {string.Join(", ", commands.Select(c => c.Name))}.";
        }
        var rest = args.Skip(1).ToList();
        var name = command.Name;
        // A sub-verb (`models search`) is checked against its own settings; the verb alone against its default command's.
        while (rest.Count > 0 && command.Children.FirstOrDefault(c => c.Name == rest[0]) is { } child)
            (command, name, rest) = (child, $"{name} {child.Name}", rest.Skip(1).ToList());
        return CheckCommand(command with { Name = name }, rest, commands);
    }

    private static string? CheckCommand(CommandEntry command, List<string> tokens, IReadOnlyList<CommandEntry> commands)
    {
        var options = OptionSpec.Of(command.SettingsType);
        var arguments = command.SettingsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<CommandArgumentAttribute>()).OfType<CommandArgumentAttribute>()
            .OrderBy(a => a.Position).ToList();
        var seen = new Dictionary<OptionSpec, string>();
        var positional = 0;
        var help = $"see `catwalk {command.Name} --help`";
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token == "--") return $"Unexpected '--' for `catwalk {command.Name}`: it takes no pass-through arguments ({help}).";
            if (!OptionValues.LooksLikeOption(token))
            {
                if (positional >= arguments.Count && command.Children.Count > 0 && positional == 0)
                    return $"Unknown sub-command '{token}' of `catwalk {command.Name}`"
                           + (Suggestion.Closest(token, command.Children.Select(c => c.Name)) is { } sub ? $"; did you mean '{sub}'?" : ".")
                           + $" It has: {string.Join(", ", command.Children.Select(c => c.Name))}.";
                if (positional >= arguments.Count)
                    return $"Unexpected argument '{token}': `catwalk {command.Name}` takes "
                           + (arguments.Count == 0 ? "no arguments" : string.Join(" ", arguments.Select(a => $"[{a.ValueName}]")))
                           + (i > 0 && !OptionValues.LooksLikeOption(tokens[i - 1]) && OptionValues.LooksLikeOption(tokens[Math.Max(0, i - 2)])
                               ? $"; if '{token}' belongs to the value of {tokens[i - 2]}, quote the whole value" : "") + $" ({help}).";
                positional++;
                continue;
            }
            var (name, inline) = Split(token);
            var found = Find(options, name);
            if (found is null) return Unknown(command, name, options, commands);
            foreach (var option in found)
            {
                string? value = null;
                if (option.IsFlag)
                {
                    if (inline is not null) value = inline;
                }
                else if (inline is not null) value = inline;
                else if (i + 1 < tokens.Count && !OptionValues.LooksLikeOption(tokens[i + 1])) value = tokens[++i];
                else return $"{option.Name} needs a value: {option.Usage} ({help}).";
                if (value is not null && OptionValues.Problem(option, value) is { } bad) return $"{bad} See `catwalk {command.Name} --help`.";
                if (!option.Repeatable && !option.IsFlag && seen.TryGetValue(option, out var earlier))
                    return $"{option.Name} is given twice ({Shown(earlier)} and {Shown(value)}); give it once"
                           + (option.ValueType == typeof(string) && option.ValueName is "KEYS" ? $", listing several with commas ({option.Name} a,b)" : "") + ".";
                seen[option] = value ?? "";
            }
        }
        var missing = arguments.Skip(positional).FirstOrDefault(a => a.IsRequired);
        return missing is null || seen.Keys.Any(o => o.LongNames.Contains("help")) ? null
            : $"`catwalk {command.Name}` needs <{missing.ValueName}> ({help}).";
    }

    private static (string Name, string? Inline) Split(string token)
    {
        var equals = token.IndexOf('=');
        return equals > 0 ? (token[..equals], token[(equals + 1)..]) : (token, null);
    }

    /// <summary>The options a token names: one for <c>--name</c> or <c>-n</c>; several for grouped short flags (<c>-vh</c>).</summary>
    private static List<OptionSpec>? Find(IReadOnlyList<OptionSpec> options, string name)
    {
        if (name.StartsWith("--", StringComparison.Ordinal))
            return options.FirstOrDefault(o => o.LongNames.Contains(name[2..])) is { } one ? [one] : null;
        var letters = name[1..];
        var found = letters.Select(c => options.FirstOrDefault(o => o.ShortNames.Contains(c.ToString()))).ToList();
        if (found.Any(o => o is null)) return null;
        // Only the last of grouped short options may take a value, as in every Unix tool.
        return found.Take(found.Count - 1).All(o => o!.IsFlag) ? found.Select(o => o!).ToList() : null;
    }

    private static string Unknown(CommandEntry command, string name, IReadOnlyList<OptionSpec> options, IReadOnlyList<CommandEntry> commands)
    {
        var bare = name.TrimStart('-');
        var near = Suggestion.Closest(bare, options.SelectMany(o => o.LongNames));
        var elsewhere = commands.SelectMany(c => c.Children.Select(child => child with { Name = $"{c.Name} {child.Name}" }).Prepend(c))
            .Where(c => c.Name != command.Name && OptionSpec.Of(c.SettingsType).Any(o => o.LongNames.Contains(bare))).Select(c => c.Name).ToList();
        var hint = near is not null ? $"; did you mean --{near}?"
            : elsewhere.Count > 0 ? $"; it is an option of {Words.And(elsewhere.Select(c => $"`catwalk {c}`"))} only."
            : ".";
        return $"Unknown option {name} for `catwalk {command.Name}`{hint} See `catwalk {command.Name} --help`.";
    }

    private static string Shown(string? value) => value is null or "" ? "as a flag" : $"'{value}'";
}
