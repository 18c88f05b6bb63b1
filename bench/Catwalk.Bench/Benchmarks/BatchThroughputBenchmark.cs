using Catwalk.Store;
using System.Diagnostics;
using Catwalk.Bench.Infrastructure;
using Catwalk.Runs;
using Catwalk.Runs.Specs;

namespace Catwalk.Bench.Benchmarks;

/// <summary>
/// 3 (batch throughput) and half of 5 (memory flat in jobs): N video jobs of one fixed-latency model through the
/// durable runs (SQLite store, journal, gate) at several concurrencies; achieved against ideal (jobs × latency /
/// concurrency), CPU per job, and the managed heap after each half of the largest batch.
/// </summary>
public static class BatchThroughputBenchmark
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(int jobs, double latencySeconds, int[] concurrencies, CancellationToken cancellationToken)
    {
        var results = new List<BenchResult>();
        foreach (var concurrency in concurrencies)
        {
            // The fixed model's catalog latency is 100 s, scaled to the latency wanted.
            await using var stack = await BenchStack.StartAsync(latencyScale: latencySeconds / 100, gpus: concurrency * 2);
            var image = BenchImages.Write(Path.Combine(stack.Folder, "start.png"), 576, 1024, 5);
            var runs = stack.Get<RunService>();
            var spec = new RunSpec
            {
                Kind = RunKind.Batch, Metrics = false, Models = ["bench-fixed"], UseCache = false, Concurrency = concurrency, PerEndpointConcurrency = concurrency,
                Looks = [.. Enumerable.Range(0, jobs).Select(i => new LookSpec { Id = $"look{i}", StartImage = image })], VideoPrompt = "walks",
            };
            // One job first: the emulator renders the clip once; every job after it is served from its render cache.
            await runs.ExecuteAsync(await runs.CreateAsync(spec with { Looks = [spec.Looks[0] with { Id = "warm" }] }, stack.Outputs, true, cancellationToken), null, cancellationToken);

            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var outcome = await runs.ExecuteAsync(await runs.CreateAsync(spec, stack.Outputs, true, cancellationToken), null, cancellationToken);
            wall.Stop();
            process.Refresh();
            var cpuPerJob = (process.TotalProcessorTime - cpu).TotalMilliseconds / jobs;
            if (outcome.Downloaded != jobs) throw new InvalidOperationException($"batch c={concurrency}: {outcome.Downloaded} of {jobs} downloaded");
            var ideal = jobs * latencySeconds / concurrency;
            var fraction = ideal / wall.Elapsed.TotalSeconds;
            results.Add(new BenchResult($"batch_fraction_of_ideal_c{concurrency}", Math.Round(fraction, 3), "ratio",
                $"{jobs} jobs × {latencySeconds} s at concurrency {concurrency}: {wall.Elapsed.TotalSeconds:0.0} s against ideal {ideal:0.0} s ({jobs / wall.Elapsed.TotalSeconds:0.0} jobs/s)")
            {
                Baseline = Math.Round(ideal, 2), BaselineDescription = "ideal seconds (jobs × latency / concurrency)",
                Target = concurrency == 64 ? "≥ 0.90" : null, MeetsTarget = concurrency == 64 ? fraction >= 0.9 : null,
            });
            // The emulator jitters each job's latency around the asked one: ideal from what fal-side time the jobs really took.
            var atFal = outcome.Jobs.Average(j => (j.QueueSec ?? 0) + (j.InferenceSec ?? 0));
            var measuredIdeal = jobs * atFal / concurrency;
            results.Add(new BenchResult($"batch_fraction_of_measured_ideal_c{concurrency}", Math.Round(measuredIdeal / wall.Elapsed.TotalSeconds, 3), "ratio",
                $"the same run against jobs × their measured mean time at fal ({atFal:0.00} s) / concurrency = {measuredIdeal:0.0} s"));
            // What no orchestrator can beat: the same at-fal times, in the order the jobs were sent, each given to the first
            // free slot the moment it frees (no overhead at all). The emulator's jitter and the last, partly filled round of
            // slots are in it, so the gap between it and the wall time is Catwalk's own (planning, journal, HTTP, files).
            var achievable = ListSchedule.Makespan(outcome.Jobs.OrderBy(j => j.SubmittedAt).Select(j => (j.QueueSec ?? 0) + (j.InferenceSec ?? 0)), concurrency);
            results.Add(new BenchResult($"batch_fraction_of_achievable_c{concurrency}", Math.Round(achievable / wall.Elapsed.TotalSeconds, 3), "ratio",
                $"the same run against the shortest schedule of its jobs' measured times at fal on {concurrency} slots with no overhead ({achievable:0.00} s)"));
            results.Add(new BenchResult($"batch_overhead_ms_per_slot_job_c{concurrency}", Math.Round((wall.Elapsed.TotalSeconds - achievable) * 1000 * concurrency / jobs, 1), "ms/job",
                "wall time beyond that schedule, per job of a slot: what each job costs a slot besides its time at fal"));
            results.Add(new BenchResult($"batch_cpu_ms_per_job_c{concurrency}", Math.Round(cpuPerJob, 1), "ms/job",
                "process CPU per job (orchestrator AND the in-process emulator serving it)"));
        }
        return results;
    }
}
