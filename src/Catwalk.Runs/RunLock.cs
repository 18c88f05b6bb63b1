using Catwalk.Domain;

namespace Catwalk.Runs;

/// <summary>
/// One process at a time per run: two processes resuming the same run would each send its planned jobs. An
/// exclusive lock file beside the outputs; the operating system frees it when the holder dies, even by kill -9.
/// </summary>
internal sealed class RunLock : IDisposable
{
    private readonly FileStream _file;

    private RunLock(FileStream file) => _file = file;

    public static RunLock Take(string outputRoot, string runId)
    {
        var folder = Path.Combine(outputRoot, ".locks");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"run-{runId}.lock");
        try
        {
            return new RunLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
        }
        catch (IOException)
        {
            throw new InvalidInputException($"Run {runId} is being worked on by another catwalk process right now (lock {path}); wait for it to finish or stop it first.");
        }
    }

    public void Dispose() => _file.Dispose();
}
