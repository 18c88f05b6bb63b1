using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Catwalk.Fal.Tests;

public class FalOptionsValidatorTests
{
    [Fact]
    public void Bad_settings_are_refused_with_the_values_printed()
    {
        using var services = new ServiceCollection().AddFalClient(o => { o.QueueUrl = new Uri("ftp://queue"); o.PollInterval = TimeSpan.FromSeconds(10); }).BuildServiceProvider();
        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<FalOptions>>().Value);
        error.Message.ShouldContain("Fal:QueueUrl must be an absolute http(s) URL, not 'ftp://queue/'");
        error.Message.ShouldContain("Fal:PollInterval (00:00:10)");
    }

    [Fact]
    public void A_key_with_a_line_break_is_refused_without_printing_it()
    {
        var key = FalKey.FromEnvironment(new Dictionary<string, string?> { ["FAL_KEY_ID"] = "id\nsecret-part", ["FAL_KEY_SECRET"] = "s" });
        using var services = new ServiceCollection().AddFalClient(o => o.Key = key).BuildServiceProvider();
        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<FalOptions>>().Value);
        error.Message.ShouldContain("Fal:Key (FAL_KEY) contains a line break");
        error.Message.ShouldNotContain("secret-part");
    }
}
