using System.Globalization;
using Catwalk.Domain;
using Catwalk.Store;
using CsvHelper;

namespace Catwalk.Dashboard.Endpoints;

/// <summary>The votes as CSV (<c>/export/votes.csv</c>): one row per vote, oldest first; <c>stage</c> says whether two videos or two images were compared.</summary>
public static class VoteCsv
{
    private static readonly (string Name, Func<VoteRecord, string?> Value)[] Columns =
    [
        ("vote_id", v => v.Id),
        ("created_at", v => DateTimeOffset.FromUnixTimeMilliseconds(v.CreatedAt).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)),
        ("stage", v => v.Stage.Name()),
        ("run_id", v => v.RunId),
        ("input_key", v => v.InputKey),
        ("left_job_id", v => v.LeftJobId),
        ("right_job_id", v => v.RightJobId),
        ("left_model", v => v.LeftModel),
        ("right_model", v => v.RightModel),
        ("outcome", v => v.Outcome),
        ("winner", v => v.Outcome switch { VoteOutcome.Left => v.LeftModel, VoteOutcome.Right => v.RightModel, _ => "" }),
        ("voter", v => v.Voter),
    ];

    public static IReadOnlyList<string> Header => [.. Columns.Select(c => c.Name)];

    public static string Write(IEnumerable<VoteRecord> votes)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions(), true))
        {
            csv.WriteHeader([.. Header]);
            foreach (var vote in votes) csv.WriteRecord([.. Columns.Select(c => c.Value(vote) ?? "")]);
        }
        return text.ToString();
    }
}
