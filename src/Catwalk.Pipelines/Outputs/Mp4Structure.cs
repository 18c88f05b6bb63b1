using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Catwalk.Pipelines.Outputs;

/// <summary>
/// Checks an MP4 (ISO base media) file's structure in-process: its top-level boxes tile the file exactly (a cut-off
/// download fails here), it starts with <c>ftyp</c>, has media data, and its <c>moov</c> declares a positive
/// duration and a video track. Microseconds per file, where starting ffprobe costs tens of milliseconds of CPU.
/// </summary>
internal static class Mp4Structure
{
    private const int MaxMoovBytes = 64 << 20;

    /// <summary>Null when the file is a sound MP4 with a video track (or not ISO media at all: the caller decides); else what is wrong.</summary>
    public static Task<string?> CheckAsync(string path, CancellationToken cancellationToken)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return CheckAsync(file, cancellationToken);
    }

    /// <summary>The same check on a file already open: box headers read where they are (no stream, no buffer of its own).</summary>
    /// <remarks>
    /// Read synchronously, though a task for its callers: the file was just written (its boxes are in the page cache), and
    /// on Linux each asynchronous read is the same read handed to another pool thread, a thread switch for a few bytes.
    /// </remarks>
    public static Task<string?> CheckAsync(SafeFileHandle file, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(Check(file, cancellationToken));
        }
        catch (Exception e)
        {
            return Task.FromException<string?>(e);
        }
    }

    private static string? Check(SafeFileHandle file, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var length = RandomAccess.GetLength(file);
        var header = new byte[16];
        long offset = 0;
        bool first = true, mdat = false;
        byte[]? moov = null;
        while (offset < length)
        {
            if (length - offset < 8) return $"it ends in the middle of a box header at byte {offset}";
            ReadExactly(file, header.AsSpan(0, 8), offset);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = Encoding.ASCII.GetString(header, 4, 4);
            var headerSize = 8;
            if (size == 1)
            {
                if (length - offset < 16) return $"it ends in the middle of a box header at byte {offset}";
                ReadExactly(file, header.AsSpan(8, 8), offset + 8);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8));
                headerSize = 16;
            }
            else if (size == 0) size = length - offset;
            if (first && type != "ftyp") return null; // not an ISO media file: the caller asks ffprobe
            first = false;
            if (size < headerSize) return $"box '{type}' at byte {offset} has an impossible size {size}";
            if (offset + size > length) return $"it is cut off: box '{type}' needs {offset + size} bytes, the file has {length}";
            if (type == "mdat") mdat = true;
            if (type == "moov")
            {
                if (size > MaxMoovBytes) return $"its 'moov' box is implausibly large ({size} bytes)";
                moov = new byte[size - headerSize];
                ReadExactly(file, moov, offset + headerSize);
            }
            offset += size;
        }
        if (first) return "it is empty";
        if (moov is null) return "it has no 'moov' box (no index of its media)";
        if (!mdat) return "it has no media data ('mdat')";
        return CheckMovie(moov);
    }

    private static void ReadExactly(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        while (buffer.Length > 0)
        {
            var read = RandomAccess.Read(file, buffer, offset);
            if (read == 0) throw new EndOfStreamException();
            buffer = buffer[read..];
            offset += read;
        }
    }

    public static bool LooksLikeIsoMedia(ReadOnlySpan<byte> start) => start.Length >= 8 && start[4..8].SequenceEqual("ftyp"u8);

    private static string? CheckMovie(ReadOnlyMemory<byte> moov)
    {
        var duration = 0d;
        var video = false;
        foreach (var (type, body) in Boxes(moov))
        {
            if (type == "mvhd" && body.Length >= 20)
            {
                var header = body.Span;
                var v1 = header[0] == 1;
                var timescale = BinaryPrimitives.ReadUInt32BigEndian(header[(v1 ? 20 : 12)..]);
                var units = v1 ? (double)BinaryPrimitives.ReadUInt64BigEndian(header[24..]) : BinaryPrimitives.ReadUInt32BigEndian(header[16..]);
                duration = timescale == 0 ? 0 : units / timescale;
            }
            if (type == "trak" && HasVideoHandler(body)) video = true;
        }
        if (!video) return "it has no video track";
        return duration > 0 ? null : "it has no length";
    }

    private static bool HasVideoHandler(ReadOnlyMemory<byte> trak)
    {
        foreach (var (type, body) in Boxes(trak))
            if (type == "mdia")
                foreach (var (inner, content) in Boxes(body))
                    if (inner == "hdlr" && content.Length >= 12 && content.Span[8..12].SequenceEqual("vide"u8)) return true;
        return false;
    }

    /// <summary>The boxes directly inside <paramref name="memory"/>, each body a slice of it (nothing copied).</summary>
    private static List<(string Type, ReadOnlyMemory<byte> Body)> Boxes(ReadOnlyMemory<byte> memory)
    {
        var data = memory.Span;
        var boxes = new List<(string, ReadOnlyMemory<byte>)>();
        var offset = 0;
        while (offset + 8 <= data.Length)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);
            var type = Encoding.ASCII.GetString(data.Slice(offset + 4, 4));
            var header = 8;
            if (size == 1 && offset + 16 <= data.Length) (size, header) = ((long)BinaryPrimitives.ReadUInt64BigEndian(data[(offset + 8)..]), 16);
            else if (size == 0) size = data.Length - offset;
            if (size < header || offset + size > data.Length) break;
            boxes.Add((type, memory.Slice(offset + header, (int)size - header)));
            offset += (int)size;
        }
        return boxes;
    }
}
