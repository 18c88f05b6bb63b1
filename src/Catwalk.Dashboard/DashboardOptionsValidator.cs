using Catwalk.Dashboard.Hosting;
using Catwalk.Store;
using Microsoft.Extensions.Options;

namespace Catwalk.Dashboard;

/// <summary>
/// Refuses <see cref="DashboardOptions"/> the dashboard cannot serve, each problem printing the value given: an address
/// it cannot or must not listen on, an outputs folder that is a file, a store named (<see cref="DashboardOptions.Db"/>)
/// that is not there. <see cref="DashboardServer.Validate"/> runs it before the store is opened or anything listens.
/// </summary>
public sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var problems = new List<string>();
        try { ListenAddress.Check(options); }
        catch (ArgumentException e) { problems.Add(e.Message); }
        if (string.IsNullOrWhiteSpace(options.OutputRoot))
            problems.Add("The dashboard's outputs folder is empty; give a folder.");
        else if (File.Exists(options.OutputRoot))
            problems.Add($"The dashboard's outputs folder '{options.OutputRoot}' is an existing file; give a folder.");
        // A SQLite store named on purpose that is not there is a typo: opening it would create an empty one and show
        // nothing. The default <outputs>/catwalk.db is created on first use, as a run would.
        if (options.Store is null && !string.IsNullOrWhiteSpace(options.Db) && !RunStoreFactory.IsPostgres(options.Db) && !File.Exists(options.Db))
            problems.Add($"The dashboard's store '{options.Db}' does not exist; give the catwalk.db a run wrote, or a PostgreSQL database.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
