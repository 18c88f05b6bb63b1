using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Catwalk.Quality.Fashion;

/// <summary>
/// The Node.js vision worker (tools/vision/worker.js), driven the way ffmpeg is, but started once per Catwalk process:
/// its models take a second to load. One JSON line per request and per reply, one request at a time (the WASM backend is
/// single-threaded). A worker that dies or hangs is started again and the request retried once.
/// </summary>
public sealed class VisionWorker : IAsyncDisposable
{
    private static readonly Lock SharedLock = new();
    private static VisionWorker? _shared;

    private readonly VisionInstall _install;
    private readonly TimeSpan _timeout;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly StringBuilder _stderr = new();
    private Process? _process;
    private long _nextId;

    public VisionWorker(VisionInstall install, TimeSpan? timeout = null) => (_install, _timeout) = (install, timeout ?? TimeSpan.FromSeconds(60));

    /// <summary>How many times the worker process was started (the first start included).</summary>
    public int Starts { get; private set; }

    /// <summary>The process id of the running worker (null before the first request or after it died).</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>The worker of this Catwalk process, started on first use; null (with the reason) when Node.js or the install is missing.</summary>
    public static VisionWorker? Shared(out string reason)
    {
        lock (SharedLock)
        {
            if (_shared is not null) { reason = ""; return _shared; }
            if (VisionInstall.Find(out reason) is not { } install) return null;
            return _shared = new VisionWorker(install);
        }
    }

    /// <summary>Sends one request (an "id" is added) and returns the reply; a reply with ok=false is thrown as <see cref="VisionWorkerException"/>.</summary>
    public async Task<JsonElement> AskAsync(JsonObject request, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (attempt == 1 && e is IOException or TimeoutException or InvalidOperationException)
                {
                    Stop(); // dead or hung: the next attempt starts a fresh worker
                }
                catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException)
                {
                    Stop();
                    throw new VisionWorkerException($"The vision worker failed twice: {e.Message} {LastError()}".Trim(), e);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<JsonElement> ExchangeAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var process = _process is { HasExited: false } running ? running : await StartAsync(cancellationToken).ConfigureAwait(false);
        var id = Interlocked.Increment(ref _nextId);
        request["id"] = id;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            await process.StandardInput.WriteLineAsync(request.ToJsonString().AsMemory(), timeout.Token).ConfigureAwait(false);
            await process.StandardInput.FlushAsync(timeout.Token).ConfigureAwait(false);
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false)
                           ?? throw new IOException("the vision worker exited.");
                using var doc = JsonDocument.Parse(line);
                var reply = doc.RootElement;
                if (!reply.TryGetProperty("id", out var replyId) || replyId.ValueKind != JsonValueKind.Number || replyId.GetInt64() != id) continue;
                if (!reply.GetProperty("ok").GetBoolean())
                    throw new VisionWorkerException($"The vision worker could not analyse it: {reply.GetProperty("error").GetString()}");
                return reply.Clone();
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the vision worker did not answer within {_timeout.TotalSeconds:0} s.");
        }
    }

    private async Task<Process> StartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_install.Node)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = _install.Folder, StandardInputEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add(_install.Script);
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        lock (_stderr) _stderr.Clear();
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } l) lock (_stderr) { if (_stderr.Length < 8000) _stderr.AppendLine(l); } };
        process.BeginErrorReadLine();
        _process = process;
        Starts++;
        // The first line says the models are loaded.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            var ready = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
            if (ready is null || !ready.Contains("\"ready\":true", StringComparison.Ordinal)) throw new IOException($"the vision worker did not start. {LastError()}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("the vision worker did not load its models in time.");
        }
        return process;
    }

    private string LastError()
    {
        lock (_stderr) return _stderr.ToString().Trim().Split('\n').LastOrDefault()?.Trim() ?? "";
    }

    private void Stop()
    {
        if (_process is not { } p) return;
        _process = null;
        try { if (!p.HasExited) p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        p.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        if (_process is { } p)
        {
            try { p.StandardInput.Close(); } catch (IOException) { } // end of input: the worker finishes and exits
            if (!p.WaitForExit(2000)) Stop();
            else { p.Dispose(); _process = null; }
        }
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }
}
