using Spectre.Console.Cli;

namespace Catwalk.Cli.Infrastructure.CommandLine;

/// <summary>
/// One verb of the command line: its name, help text and settings class, and for a verb with sub-verbs (<c>models
/// search</c>) its children. The app registers exactly these, and the strict argument check reads their options from the
/// same settings classes, so a new command is checked without more code.
/// </summary>
internal sealed record CommandEntry(string Name, Type SettingsType, string Description, IReadOnlyList<string[]> Examples)
{
    private Action<IConfigurator>? _addToApp;
    private Action<object>? _addToBranch;

    /// <summary>The sub-verbs; the entry's own settings are then its default command's.</summary>
    public IReadOnlyList<CommandEntry> Children { get; private init; } = [];

    public static CommandEntry Of<TCommand>(string name, string description, params string[][] examples) where TCommand : class, ICommand =>
        new(name, SettingsOf(typeof(TCommand)), description, examples)
        {
            _addToApp = c =>
            {
                var command = c.AddCommand<TCommand>(name).WithDescription(description);
                foreach (var example in examples) command.WithExample(example);
            },
        };

    /// <summary>A sub-verb of a branch whose settings are <typeparamref name="TBranch"/> (its own settings derive from them).</summary>
    public static CommandEntry In<TBranch, TCommand>(string name, string description, params string[][] examples)
        where TBranch : CommandSettings where TCommand : class, ICommandLimiter<TBranch> =>
        new(name, SettingsOf(typeof(TCommand)), description, examples)
        {
            _addToBranch = b =>
            {
                var command = ((IConfigurator<TBranch>)b).AddCommand<TCommand>(name).WithDescription(description);
                foreach (var example in examples) command.WithExample(example);
            },
        };

    /// <summary>A verb that runs <typeparamref name="TDefault"/> alone and has sub-verbs (made with <see cref="In{TBranch,TCommand}"/>).</summary>
    public static CommandEntry Branch<TBranch, TDefault>(string name, string description, IReadOnlyList<CommandEntry> children, params string[][] examples)
        where TBranch : CommandSettings where TDefault : class, ICommandLimiter<TBranch> =>
        new(name, SettingsOf(typeof(TDefault)), description, examples)
        {
            Children = children,
            _addToApp = c => c.AddBranch<TBranch>(name, branch =>
            {
                branch.SetDescription(description);
                branch.SetDefaultCommand<TDefault>();
                foreach (var example in examples) branch.AddExample(example);
                foreach (var child in children) child._addToBranch!(branch);
            }),
        };

    public void AddTo(IConfigurator configurator) => (_addToApp ?? throw new InvalidOperationException($"'{Name}' is a sub-verb; add its branch."))(configurator);

    private static Type SettingsOf(Type command) =>
        command.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>))?.GetGenericArguments()[0]
        ?? throw new InvalidOperationException($"{command.Name} is not an ICommand<TSettings>.");
}
