using Catwalk.Cli.Infrastructure.CommandLine;

namespace Catwalk.Cli.Tests;

/// <summary>The strict check of a whole command line against the commands' own settings classes (in process, nothing runs).</summary>
public class CommandLineCheckerTests
{
    public static TheoryData<string> Commands() => [.. CatwalkCommands.Paths];

    private static string? Check(params string[] args) => CommandLineChecker.Check(args, CatwalkCommands.All);

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_refuses_an_unknown_option_naming_it(string command)
    {
        var problem = Check([.. command.Split(' '), "--no-such-option", "1"]);
        problem.ShouldNotBeNull();
        problem.ShouldContain("--no-such-option");
        problem.ShouldContain($"catwalk {command}");
    }

    [Fact]
    public void Every_example_in_the_help_passes_the_check()
    {
        var examples = CatwalkCommands.All.SelectMany(c => c.Examples.Concat(c.Children.SelectMany(child => child.Examples))).ToList();
        examples.Count.ShouldBeGreaterThan(10);
        foreach (var example in examples) Check(example).ShouldBeNull(string.Join(' ', example));
    }

    [Theory]
    [InlineData("run --modls kling", "did you mean --models?")]
    [InlineData("video --image p.png --models kling --durration 10", "did you mean --duration?")]
    [InlineData("batch lookbook.yaml --budjet 5", "did you mean --budget?")]
    [InlineData("report --bogus", "Unknown option --bogus for `catwalk report`.")]
    [InlineData("run --concurrency 4", "it is an option of `catwalk batch` and `catwalk worker` only")]
    [InlineData("modls", "did you mean 'models'?")]
    [InlineData("models serch kling", "Unknown sub-command 'serch' of `catwalk models`; did you mean 'search'?")]
    [InlineData("models search kling --categry image-to-video", "Unknown option --categry for `catwalk models search`; did you mean --category?")]
    [InlineData("--modls", "put options after a command")]
    public void Unknown_names_are_refused_with_the_closest_known_one(string line, string expected) =>
        Check(line.Split(' ')).ShouldNotBeNull().ShouldContain(expected);

    [Theory]
    [InlineData("run --duration abc", "--duration 'abc' is not a whole number.")]
    [InlineData("batch b.yaml --budget ten", "--budget 'ten' is not a number")]
    [InlineData("run --latency-scale=fast", "--latency-scale 'fast' is not a number")]
    [InlineData("run --seed 1.5", "--seed '1.5' is not a whole number.")]
    [InlineData("run --duration", "--duration needs a value: --duration <SECONDS>")]
    [InlineData("video --image --models kling", "--image needs a value: --image <IMAGE>")]
    [InlineData("video -m", "--models needs a value")]
    [InlineData("run --models kling --models ltx", "--models is given twice ('kling' and 'ltx'); give it once, listing several with commas (--models a,b).")]
    [InlineData("run --duration 5 --duration 6", "--duration is given twice ('5' and '6')")]
    [InlineData("report extra", "Unexpected argument 'extra': `catwalk report` takes no arguments")]
    [InlineData("import a b", "Unexpected argument 'b': `catwalk import` takes [FOLDER]")]
    [InlineData("run --description walking towards", "if 'towards' belongs to the value of --description, quote the whole value")]
    [InlineData("batch", "`catwalk batch` needs <MANIFEST>")]
    [InlineData("run -- --models kling", "Unexpected '--'")]
    public void Values_that_are_missing_repeated_or_do_not_parse_are_refused(string line, string expected) =>
        Check(line.Split(' ')).ShouldNotBeNull().ShouldContain(expected);

    [Theory]
    [InlineData("run")]
    [InlineData("run --models kling,ltx --duration 5 --outfit a.png --outfit b.png")]
    [InlineData("run --models=kling --duration=5 --no-cache --no-cache")]
    [InlineData("run -v --verbose")]
    [InlineData("video -i img.png -m all -d 4")]
    [InlineData("run --seed -3")]
    [InlineData("batch b.yaml --plan --budget 2.5 --concurrency 8")]
    [InlineData("run --help")]
    [InlineData("batch --help")]
    [InlineData("--help")]
    [InlineData("--version")]
    [InlineData("models --json")]
    [InlineData("models search kling --category image-to-video --json")]
    public void Well_formed_lines_pass(string line) => Check(line.Split(' ')).ShouldBeNull();

    [Theory]
    [InlineData("modls", "models", 1)]
    [InlineData("budjet", "budget", 1)]
    [InlineData("durration", "duration", 1)]
    [InlineData("modles", "models", 1)]
    [InlineData("abc", "xyz", 3)]
    public void Edit_distance_counts_swaps_as_one(string a, string b, int distance) => Suggestion.Distance(a, b).ShouldBe(distance);

    [Fact]
    public void Nothing_far_from_every_known_name_is_suggested() => Suggestion.Closest("bogus", ["models", "duration", "budget"]).ShouldBeNull();
}
