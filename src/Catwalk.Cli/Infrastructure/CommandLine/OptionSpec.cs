using System.Reflection;
using Spectre.Console.Cli;

namespace Catwalk.Cli.Infrastructure.CommandLine;

/// <summary>One option of a command as its settings class declares it: names, value name and the type its value must parse to.</summary>
internal sealed record OptionSpec(IReadOnlyList<string> LongNames, IReadOnlyList<string> ShortNames, string? ValueName, Type ValueType, bool Repeatable)
{
    public bool IsFlag => ValueType == typeof(bool);

    /// <summary>How the help shows it, e.g. <c>--duration &lt;SECONDS&gt;</c>.</summary>
    public string Usage => (LongNames.Count > 0 ? "--" + LongNames[0] : "-" + ShortNames[0]) + (ValueName is null ? "" : $" <{ValueName}>");

    public string Name => LongNames.Count > 0 ? "--" + LongNames[0] : "-" + ShortNames[0];

    public static IReadOnlyList<OptionSpec> Of(Type settings) =>
        settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Option: p.GetCustomAttribute<CommandOptionAttribute>()))
            .Where(x => x.Option is not null)
            .Select(x => Create(x.Option!, x.Property.PropertyType))
            .Append(new OptionSpec(["help"], ["h"], null, typeof(bool), Repeatable: false))
            .ToList();

    private static OptionSpec Create(CommandOptionAttribute option, Type type)
    {
        var repeatable = type.IsArray;
        var element = repeatable ? type.GetElementType()! : type;
        element = Nullable.GetUnderlyingType(element) ?? element;
        return new OptionSpec(option.LongNames.ToList(), option.ShortNames.ToList(), option.ValueName, element, repeatable);
    }
}
