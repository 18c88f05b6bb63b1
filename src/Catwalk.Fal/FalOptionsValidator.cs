using Microsoft.Extensions.Options;

namespace Catwalk.Fal;

/// <summary>
/// Refuses unusable settings with messages that print the offending values (never the key). Public so that a host that
/// reaches other things before its start (a database) can refuse the same options, in the same words, first.
/// </summary>
public sealed class FalOptionsValidator : IValidateOptions<FalOptions>
{
    // fal documents no upper bound; ten years is "for good" in all but name, and keeps the header's number an int.
    private static readonly TimeSpan MaxUploadLifetime = TimeSpan.FromDays(3650);

    public ValidateOptionsResult Validate(string? name, FalOptions o)
    {
        var problems = new List<string>();
        if (!IsHttp(o.QueueUrl)) problems.Add($"Fal:QueueUrl must be an absolute http(s) URL, not '{o.QueueUrl}'.");
        if (!IsHttp(o.StorageUrl)) problems.Add($"Fal:StorageUrl must be an absolute http(s) URL, not '{o.StorageUrl}'.");
        if (!IsHttp(o.ApiUrl)) problems.Add($"Fal:ApiUrl must be an absolute http(s) URL, not '{o.ApiUrl}'.");
        if (o.HttpTimeout <= TimeSpan.Zero) problems.Add($"Fal:HttpTimeout must be positive, not {o.HttpTimeout}.");
        if (o.DownloadTimeout <= TimeSpan.Zero) problems.Add($"Fal:DownloadTimeout must be positive, not {o.DownloadTimeout}.");
        if (o.UploadLifetime < TimeSpan.FromSeconds(1) || o.UploadLifetime > MaxUploadLifetime)
            problems.Add($"Fal:UploadLifetime must be 1 second to {MaxUploadLifetime.TotalDays:0} days, not {o.UploadLifetime}.");
        if (o.PollInterval <= TimeSpan.Zero || o.MaxPollInterval < o.PollInterval)
            problems.Add($"Fal:PollInterval ({o.PollInterval}) must be positive and at most Fal:MaxPollInterval ({o.MaxPollInterval}).");
        if (o.StreamIdleTimeout <= TimeSpan.Zero) problems.Add($"Fal:StreamIdleTimeout must be positive, not {o.StreamIdleTimeout}.");
        if (o.MaxRetries is < 0 or > 10) problems.Add($"Fal:MaxRetries must be 0–10, not {o.MaxRetries}.");
        if (o.SubmitGrace < TimeSpan.Zero || o.SubmitGrace > TimeSpan.FromMinutes(5)) problems.Add($"Fal:SubmitGrace must be 0 to 5 minutes, not {o.SubmitGrace}.");
        if (o.StartDeadline is { } deadline && (deadline <= FalStartDeadline.Minimum || deadline > TimeSpan.FromDays(7)))
            problems.Add($"Fal:StartDeadline must be more than 1 second and at most 7 days (fal's clients refuse 1 s or less), not {deadline}.");
        if (o.RequestHistoryLag < TimeSpan.Zero || o.RequestHistoryLag > TimeSpan.FromHours(1)) problems.Add($"Fal:RequestHistoryLag must be 0 to 1 hour, not {o.RequestHistoryLag}.");
        // The value itself is never printed: only that it cannot go into an HTTP header.
        if (o.Key is { } key && key.Value.Any(char.IsControl)) problems.Add("Fal:Key (FAL_KEY) contains a line break or control character; copy it again without them.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsHttp(Uri? uri) => uri is { IsAbsoluteUri: true } && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
