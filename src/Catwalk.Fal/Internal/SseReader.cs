using System.Runtime.CompilerServices;
using System.Text;

namespace Catwalk.Fal.Internal;

/// <summary>
/// Reads server-sent events: <c>data:</c> lines joined with newlines until a blank line make one event; lines
/// starting with <c>:</c> are keep-alive comments. Any line (comments included) proves the stream alive; a stream
/// silent for longer than the idle limit is treated as broken (<see cref="TimeoutException"/>).
/// </summary>
internal static class SseReader
{
    public static async IAsyncEnumerable<string> ReadEventsAsync(Stream stream, TimeSpan idleLimit, [EnumeratorCancellation] CancellationToken cancellationToken, TimeProvider? time = null)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var data = new StringBuilder();
        while (true)
        {
            using var idle = new CancellationTokenSource(idleLimit, time ?? TimeProvider.System);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
            string? line;
            try
            {
                line = await reader.ReadLineAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The status stream sent nothing for {idleLimit.TotalSeconds:0.#} s.");
            }
            if (line is null)
            {
                if (data.Length > 0) yield return data.ToString();
                yield break;
            }
            if (line.Length == 0)
            {
                if (data.Length > 0) yield return data.ToString();
                data.Clear();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                if (data.Length > 0) data.Append('\n');
                data.Append(line.AsSpan(line.Length > 5 && line[5] == ' ' ? 6 : 5));
            }
            // ':' comments (keep-alives), 'event:', 'id:' and 'retry:' lines carry nothing we need.
        }
    }
}
