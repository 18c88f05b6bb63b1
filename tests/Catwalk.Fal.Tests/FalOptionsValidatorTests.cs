using Microsoft.Extensions.Configuration;
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

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:00.500")]
    [InlineData("-01:00:00")]
    [InlineData("3651.00:00:00")]
    public void An_upload_lifetime_outside_one_second_to_ten_years_is_refused(string lifetime)
    {
        using var services = new ServiceCollection().AddFalClient(o => o.UploadLifetime = TimeSpan.Parse(lifetime, System.Globalization.CultureInfo.InvariantCulture)).BuildServiceProvider();
        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<FalOptions>>().Value);
        error.Message.ShouldContain("Fal:UploadLifetime must be 1 second to 3650 days");
    }

    [Fact]
    public void The_upload_lifetime_is_bound_from_the_fal_section_and_defaults_to_seven_days()
    {
        using (var defaults = new ServiceCollection().AddFalClient().BuildServiceProvider())
            defaults.GetRequiredService<IOptions<FalOptions>>().Value.UploadLifetime.ShouldBe(TimeSpan.FromDays(7));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Fal:UploadLifetime"] = "2.12:00:00" }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddFalClient().BuildServiceProvider();
        services.GetRequiredService<IOptions<FalOptions>>().Value.UploadLifetime.ShouldBe(TimeSpan.FromHours(60));
    }
}
