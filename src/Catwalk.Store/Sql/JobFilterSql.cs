using Catwalk.Domain;
using Dapper;

namespace Catwalk.Store.Sql;

/// <summary>The WHERE clause of a <see cref="JobQuery"/> (without its limit), shared by the job reads and the aggregates over them.</summary>
internal static class JobFilterSql
{
    /// <summary>" WHERE …" (or "" when nothing is filtered), its parameters added to <paramref name="args"/>; <paramref name="also"/> are more conditions.</summary>
    public static string Where(JobQuery query, StoreDialect dialect, DynamicParameters args, params string[] also)
    {
        var where = new List<string>();
        if (query.RunId is { } run) { where.Add("run_id = @run"); args.Add("run", run); }
        if (query.Stage is { } stage) { where.Add("stage = @stage"); args.Add("stage", stage.Name()); }
        if (query.InputKey is { } input) { where.Add("input_key = @input"); args.Add("input", input); }
        if (query.Models is { Count: > 0 } models) { where.Add(dialect.InList("model_key", "models")); args.Add("models", models.ToArray()); }
        if (query.From is { } from) { where.Add("created_at >= @from"); args.Add("from", from.ToUnixTimeMilliseconds()); }
        if (query.To is { } to) { where.Add("created_at < @to"); args.Add("to", to.ToUnixTimeMilliseconds()); }
        if (query.PersonId is { } person) { where.Add("person_id = @person"); args.Add("person", person); }
        if (query.OutfitId is { } outfit) { where.Add("outfit_id = @outfit"); args.Add("outfit", outfit); }
        if (query.RequestId is { } request) { where.Add("request_id = @request"); args.Add("request", request); }
        where.AddRange(also);
        return where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "";
    }
}
