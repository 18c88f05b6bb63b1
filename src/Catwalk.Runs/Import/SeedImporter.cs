using Catwalk.Runs.Planning;
using Catwalk.Catalog;
using Catwalk.Store;

namespace Catwalk.Runs.Import;

/// <summary>
/// Imports an <c>outputs/</c> folder written by the original tool (or by Catwalk, whose sidecars add to its fields)
/// into the run store: one run of kind <c>import</c>, one job per <c>meta_*.json</c>. Each job carries the SHA-256
/// of its metadata file as its import key, so importing the same folder again adds only what is new.
/// </summary>
public sealed class SeedImporter
{
    public const RunKind Kind = Catwalk.Store.RunKind.Import;

    private readonly string _outputRoot;
    private readonly TimeProvider _time;
    private readonly ImportedJobFactory _jobs;

    /// <param name="outputRoot">The store's output root: media under it are stored by relative path, others by absolute path.</param>
    /// <param name="catalog">Maps endpoint ids and model keys to catalog models and prices; the built-in catalog by default.</param>
    public SeedImporter(string outputRoot, ModelCatalog? catalog = null, TimeProvider? time = null)
    {
        _outputRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputRoot));
        _time = time ?? TimeProvider.System;
        _jobs = new ImportedJobFactory(catalog ?? ModelCatalog.BuiltIn, _outputRoot);
    }

    /// <summary>
    /// Imports every metadata file under <paramref name="folder"/> (the outputs folder, or a folder containing
    /// <c>outputs/</c>). A file that cannot be used is reported in <see cref="ImportResult.Problems"/> and the
    /// rest is imported; a folder that does not exist or holds no metadata is an <see cref="Domain.InvalidInputException"/>.
    /// </summary>
    public async Task<ImportResult> ImportAsync(string folder, IRunJobStore store, CancellationToken cancellationToken = default)
    {
        var source = ImportFolder.Open(folder);
        var now = _time.GetUtcNow();
        var runId = Guid.CreateVersion7(now).ToString("N");
        var problems = new List<ImportProblem>();
        var read = await ReadAllAsync(source, runId, now, problems, cancellationToken).ConfigureAwait(false);
        var jobs = RepeatedRequests.Remove(read, problems);
        var fresh = InputKeys.MakeUnique(jobs);
        var added = fresh.Count == 0 ? 0 : await StoreAsync(store, NewRun(runId, source, fresh, now), fresh, cancellationToken).ConfigureAwait(false);
        return new ImportResult(added > 0 ? runId : null, source.MetadataFiles.Count, added, jobs.Count - added, [.. problems.OrderBy(p => p.Path, StringComparer.Ordinal)]);
    }

    /// <summary>A job per usable metadata file; each unusable one goes to <paramref name="problems"/> and the rest carry on.</summary>
    private async Task<List<(string Path, JobRecord Job)>> ReadAllAsync(ImportFolder source, string runId, DateTimeOffset now, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var read = new List<(string, JobRecord)>();
        foreach (var path in source.MetadataFiles)
        {
            try
            {
                read.Add((path, await _jobs.CreateAsync(path, source.Root, runId, now, cancellationToken).ConfigureAwait(false)));
            }
            catch (SidecarException e)
            {
                problems.Add(new ImportProblem(path, e.Message));
            }
        }
        return read;
    }

    private RunRecord NewRun(string runId, ImportFolder source, IReadOnlyList<JobRecord> jobs, DateTimeOffset now) => new()
    {
        Id = runId,
        Kind = Kind,
        Name = source.Named,
        Status = RunStatus.From(jobs.Select(j => j.State)),
        CreatedAt = now.ToUnixTimeMilliseconds(),
        UpdatedAt = now.ToUnixTimeMilliseconds(),
        FinishedAt = now.ToUnixTimeMilliseconds(),
        OutputRoot = _outputRoot,
        EstimatedCostUsd = jobs.Sum(j => j.EstimatedCostUsd),
    };

    private static async Task<int> StoreAsync(IRunJobStore store, RunRecord run, IReadOnlyList<JobRecord> jobs, CancellationToken cancellationToken)
    {
        var added = await store.ImportAsync(run, jobs, cancellationToken).ConfigureAwait(false);
        if (added == 0 || added == jobs.Count) return added;
        // Some were imported before: the run's status is that of the jobs it actually got.
        var stored = await store.GetJobsAsync(run.Id, cancellationToken).ConfigureAwait(false);
        var status = RunStatus.From(stored.Select(j => j.State));
        if (status != run.Status) await store.UpdateRunAsync(run.Id, status, finished: true, cancellationToken).ConfigureAwait(false);
        return added;
    }
}
