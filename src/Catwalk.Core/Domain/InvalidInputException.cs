namespace Catwalk.Domain;

/// <summary>A user mistake found before anything is spent; the message says what was wrong and how to fix it.</summary>
public class InvalidInputException(string message, Exception? inner = null) : Exception(message, inner)
{
    public static InvalidInputException FromProblems(string subject, IReadOnlyList<string> problems) =>
        new(problems.Count == 1 ? $"{subject}: {problems[0]}." : $"{subject}:\n  - {string.Join("\n  - ", problems)}");
}
