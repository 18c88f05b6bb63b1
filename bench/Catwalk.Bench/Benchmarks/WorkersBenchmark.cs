using System.Diagnostics;
using Catwalk.Bench.Infrastructure;
using Catwalk.Catalog;
using Catwalk.Emulator;
using Catwalk.Pipelines.Hosting;
using Catwalk.Runs;
using Catwalk.Runs.Hosting;
using Catwalk.Runs.Specs;
using Catwalk.Store;
using Catwalk.Workers;
using Catwalk.Workers.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Catwalk.Bench.Benchmarks;

/// <summary>
/// Scale-out (issue 9): one batch of video jobs over the 8 models, queued in PostgreSQL and done by 1, 2 and 4 real
/// `catwalk worker` processes (32 jobs at once each), with the emulator at zero latency (what the machinery costs) and
/// at its realistic per-model latencies scaled by 0.05 (what waiting on fal costs). Jobs/s is measured from the
/// store: first job sent to last job saved. The baseline is the ideal for the same jobs with that many in flight:
/// their measured times at fal laid end to end on workers × 32 slots, in the order they were sent (so the last,
/// part-filled wave counts against the ideal too, not against Catwalk).
/// </summary>
public static class WorkersBenchmark
{
    private const int PerWorker = 32;
    private static readonly string[] Models = ["veo3", "ltx", "kling", "grok", "luma", "pika", "seedance", "hunyuan"];

    /// <param name="latency">"zero" or "realistic" for only that half; null for both.</param>
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(string catwalkDll, int looks, int[] workerCounts, string? latency, CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable("CATWALK_TEST_POSTGRES") is not { Length: > 0 } server)
        {
            Console.WriteLine("   skipped: no PostgreSQL (./bench.sh starts a throwaway one; or set CATWALK_TEST_POSTGRES)");
            return [];
        }
        var results = new List<BenchResult>();
        foreach (var (label, scale) in new[] { ("zero", 0.0), ("realistic", 0.05) }.Where(l => latency is null || l.Item1 == latency))
        {
            var rates = new Dictionary<int, double>();
            foreach (var workers in workerCounts)
            {
                var m = await MeasureAsync(catwalkDll, server, scale, workers, looks, cancellationToken);
                rates[workers] = m.JobsPerSecond;
                var ideal = m.IdealJobsPerSecond;
                results.Add(new BenchResult($"workers_jobs_per_s_{label}_w{workers}", Math.Round(m.JobsPerSecond, 1), "jobs/s",
                    $"{m.Jobs} jobs by {workers} worker process(es) × {PerWorker} at once, emulator latency {label} (mean {m.MeanAtFalSec:0.00} s at fal): {m.SpanSec:0.0} s; CPU per job: workers {m.WorkerCpuMsPerJob:0.0} ms, PostgreSQL {m.PostgresCpuMsPerJob:0.0} ms, emulator {m.EmulatorCpuMsPerJob:0.0} ms")
                {
                    Baseline = scale > 0 ? Math.Round(ideal, 1) : null,
                    BaselineDescription = scale > 0 ? "ideal jobs/s: the jobs' times at fal on that many slots, no overhead" : null,
                });
                if (scale > 0)
                    results.Add(new BenchResult($"workers_fraction_of_ideal_{label}_w{workers}", Math.Round(m.JobsPerSecond / ideal, 3), "ratio",
                        $"{m.JobsPerSecond:0.0} jobs/s against the ideal {ideal:0.0} for these jobs on {workers * PerWorker} slots"));
            }
            if (rates.TryGetValue(1, out var one) && rates.Count > 1)
                results.Add(new BenchResult($"workers_scaling_{label}_w{rates.Keys.Max()}_over_w1", Math.Round(rates[rates.Keys.Max()] / one, 2), "ratio",
                    $"jobs/s with {rates.Keys.Max()} worker processes over 1, emulator latency {label}") { Baseline = Math.Round(one, 1), BaselineDescription = "jobs/s with 1 worker" });
        }
        return results;
    }

    private sealed record Measurement(int Jobs, double SpanSec, double JobsPerSecond, double MeanAtFalSec, double WorkerCpuMsPerJob, double IdealJobsPerSecond)
    {
        public double PostgresCpuMsPerJob { get; init; }
        public double EmulatorCpuMsPerJob { get; init; }
    }

    private static double WorkersCpuMs(List<Process> processes) => processes.Sum(p => { p.Refresh(); return p.TotalProcessorTime.TotalMilliseconds; });

    /// <summary>CPU time of every PostgreSQL process on this machine (backends, and the exited ones their postmaster reaped), ms; 0 when /proc cannot tell.</summary>
    private static double PostgresCpuMs()
    {
        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => char.IsDigit(Path.GetFileName(d)[0])))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                if (!stat.Contains("(postgres)", StringComparison.Ordinal)) continue;
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14]); // utime stime cutime cstime
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException) { }
        }
        return ticks * 10.0; // USER_HZ is 100 on Linux
    }

    private static async Task<Measurement> MeasureAsync(string catwalkDll, string server, double scale, int workers, int looks, CancellationToken cancellationToken)
    {
        var database = $"catwalk_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {database}");
        var db = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var folder = Directory.CreateTempSubdirectory("catwalk-bench-workers-").FullName;
        var processes = new List<Process>();
        try
        {
            await using var emulator = await FalEmulator.StartAsync(new FalEmulatorOptions
            {
                LatencyScale = scale, GpusPerEndpoint = 512, Seed = 7, CacheDirectory = Path.Combine(Path.GetTempPath(), "catwalk-bench-renders"),
            }, ModelCatalog.BuiltIn);
            await using var store = await RunStoreFactory.OpenAsync(db, folder, cancellationToken: cancellationToken);
            var storage = HangfireStorageFactory.Create(db);
            await using var services = new ServiceCollection().AddLogging().AddCatwalk(o =>
            {
                o.OutputDirectory = Path.Combine(folder, "outputs");
                o.Emulated = true;
                o.ConfigureFal = fal => { fal.QueueUrl = emulator.BaseUri; fal.StorageUrl = emulator.BaseUri; };
            }).AddCatwalkRuns(store).AddCatwalkQueue(storage).BuildServiceProvider();

            var image = BenchImages.Write(Path.Combine(folder, "start.png"), 576, 1024, 5);
            RunSpec Spec(int count, string prefix) => new()
            {
                Kind = RunKind.Batch, Metrics = false, UseCache = false, Models = Models, PerEndpointConcurrency = 4 * PerWorker, VideoPrompt = "walks",
                Looks = [.. Enumerable.Range(0, count).Select(i => new LookSpec { Id = $"{prefix}{i}", StartImage = image })],
            };
            // Each model renders the clip once; every job after is served from the emulator's render cache.
            var runs = services.GetRequiredService<RunService>();
            await runs.ExecuteAsync(await runs.CreateAsync(Spec(1, "warm") with { Looks = [new LookSpec { Id = "warm", StartImage = image }] }, Path.Combine(folder, "outputs"), true, cancellationToken), null, cancellationToken);

            for (var i = 0; i < workers; i++) processes.Add(StartWorker(catwalkDll, db, emulator.BaseUri, folder, i));
            var monitoring = storage.GetMonitoringApi();
            var ready = Stopwatch.StartNew();
            while (monitoring.Servers().Count < workers)
            {
                if (ready.Elapsed > TimeSpan.FromSeconds(90)) throw new InvalidOperationException($"only {monitoring.Servers().Count} of {workers} workers started");
                await Task.Delay(100, cancellationToken);
            }

            // CPU from here on: the workers' start-up (runtime, JIT, Hangfire schema check) is not the jobs' cost.
            var (pgBefore, selfBefore, workersBefore) = (PostgresCpuMs(), Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds, WorkersCpuMs(processes));
            var queued = await services.GetRequiredService<RunQueue>().SubmitAsync(Spec(looks, "look"), Path.Combine(folder, "outputs"), emulated: true, cancellationToken);
            var deadline = Stopwatch.StartNew();
            // Watched by a count (the bench's own reads are part of PostgreSQL's CPU; reading every job 5 times a second was
            // most of that), the jobs read once at the end.
            while (await store.CountUnfinishedJobsAsync(queued.RunId, cancellationToken) is var left and > 0)
            {
                if (deadline.Elapsed > TimeSpan.FromMinutes(5)) throw new InvalidOperationException($"workers: {left} jobs had not ended in 5 min");
                await Task.Delay(200, cancellationToken);
            }
            var jobs = await store.GetJobsAsync(queued.RunId, cancellationToken);
            if (jobs.Any(j => j.State != JobState.Downloaded)) throw new InvalidOperationException($"workers: {jobs.Count(j => j.State != JobState.Downloaded)} jobs did not finish");
            var cpu = WorkersCpuMs(processes) - workersBefore;
            var span = (jobs.Max(j => j.CompletedAt!.Value) - jobs.Min(j => j.SubmittedAt!.Value)) / 1000.0;
            var times = jobs.OrderBy(j => j.SubmittedAt).Select(j => (j.QueueSec ?? 0) + (j.InferenceSec ?? 0)).ToList();
            var (pg, self) = (PostgresCpuMs() - pgBefore, Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds - selfBefore);
            return new Measurement(jobs.Count, span, jobs.Count / span, times.Average(), cpu / jobs.Count, jobs.Count / ListSchedule.Makespan(times, workers * PerWorker))
            {
                PostgresCpuMsPerJob = pg / jobs.Count, EmulatorCpuMsPerJob = self / jobs.Count,
            };
        }
        finally
        {
            foreach (var p in processes) await StopAsync(p);
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static Process StartWorker(string catwalkDll, string db, Uri emulator, string folder, int index)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { catwalkDll, "worker", "--db", db, "--concurrency", PerWorker.ToString(), "--name", $"bench{index}" }) start.ArgumentList.Add(arg);
        foreach (var name in new[] { "FAL_KEY", "FAL_KEY_ID", "FAL_KEY_SECRET", "FAL_API_KEY" }) start.Environment.Remove(name);
        start.Environment["CATWALK_FAL_QUEUE_URL"] = start.Environment["CATWALK_FAL_STORAGE_URL"] = emulator.ToString();
        start.Environment["NO_COLOR"] = "1";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString()])!) await interrupt.WaitForExitAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await process.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
        }
        process.Dispose();
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
