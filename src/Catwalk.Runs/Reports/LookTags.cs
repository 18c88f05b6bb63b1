using System.Text.Json;
using Catwalk.Store;

namespace Catwalk.Runs.Reports;

/// <summary>A job's look as tags to compare by: the job's setting id (else the metadata's look.setting) and the metadata's look.apparel_type.</summary>
public sealed record LookTags(string? Setting, string? Apparel)
{
    public static LookTags Of(JobRecord job)
    {
        string? setting = null, apparel = null;
        if (job.MetadataJson is { Length: > 0 } json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("look", out var look) && look.ValueKind == JsonValueKind.Object)
                {
                    setting = Text(look, "setting");
                    apparel = Text(look, "apparel_type");
                }
            }
            catch (JsonException) { } // metadata that is not JSON has no look
        }
        return new LookTags(job.SettingId ?? setting, apparel);
    }

    private static string? Text(JsonElement look, string name) =>
        look.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
