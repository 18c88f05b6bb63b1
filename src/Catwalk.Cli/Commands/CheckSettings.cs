using Spectre.Console.Cli;

namespace Catwalk.Cli.Commands;

/// <summary><c>catwalk check</c> takes no options: it reads FAL_KEY and the configured fal URLs.</summary>
public sealed class CheckSettings : CommandSettings;
