using Spectre.Console.Cli;

namespace Catwalk.Cli.Infrastructure.CommandLine;

/// <summary>
/// One verb of the command line: its name, help text and settings class. The app registers exactly these, and the
/// strict argument check reads their options from the same settings class, so a new command is checked without more code.
/// </summary>
internal sealed record CommandEntry(string Name, Type SettingsType, string Description, IReadOnlyList<string[]> Examples, Func<IConfigurator, ICommandConfigurator> Add)
{
    public static CommandEntry Of<TCommand>(string name, string description, params string[][] examples) where TCommand : class, ICommand =>
        new(name, SettingsOf(typeof(TCommand)), description, examples, c => c.AddCommand<TCommand>(name));

    public void AddTo(IConfigurator configurator)
    {
        var command = Add(configurator).WithDescription(Description);
        foreach (var example in Examples) command.WithExample(example);
    }

    private static Type SettingsOf(Type command) =>
        command.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>))?.GetGenericArguments()[0]
        ?? throw new InvalidOperationException($"{command.Name} is not an ICommand<TSettings>.");
}
