namespace Catwalk.Bench.Infrastructure;

/// <summary>The shortest time jobs take on a number of slots with no overhead at all: each, in order, on the first slot to free.</summary>
public static class ListSchedule
{
    public static double Makespan(IEnumerable<double> durations, int slots)
    {
        var free = new PriorityQueue<int, double>();
        for (var i = 0; i < slots; i++) free.Enqueue(i, 0);
        var end = 0.0;
        foreach (var duration in durations)
        {
            free.TryDequeue(out var slot, out var at);
            end = Math.Max(end, at + duration);
            free.Enqueue(slot, at + duration);
        }
        return end;
    }
}
