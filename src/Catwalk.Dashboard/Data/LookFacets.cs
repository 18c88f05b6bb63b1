using Catwalk.Runs.Reports;
using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>A video's look for the preference filters: the job's setting id (else the metadata's look.setting) and the metadata's look.apparel_type (<see cref="LookTags"/>).</summary>
public sealed record LookFacets(string? Setting, string? Apparel)
{
    public static LookFacets Of(JobRecord job)
    {
        var tags = LookTags.Of(job);
        return new LookFacets(tags.Setting, tags.Apparel);
    }
}
