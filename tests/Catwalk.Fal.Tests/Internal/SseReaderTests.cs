using System.Text;
using Catwalk.Fal.Internal;

namespace Catwalk.Fal.Tests.Internal;

public class SseReaderTests
{
    private static async Task<List<string>> Read(string wire, TimeSpan? idle = null)
    {
        var events = new List<string>();
        await foreach (var e in SseReader.ReadEventsAsync(new MemoryStream(Encoding.UTF8.GetBytes(wire)), idle ?? TimeSpan.FromSeconds(5), CancellationToken.None)) events.Add(e);
        return events;
    }

    [Fact]
    public async Task Events_are_split_on_blank_lines_and_comments_are_skipped() =>
        (await Read("data: {\"a\":1}\n\n: keep-alive\n\ndata: {\"b\":2}\n\n")).ShouldBe(["{\"a\":1}", "{\"b\":2}"]);

    [Fact]
    public async Task Multi_line_data_is_joined_and_a_last_event_without_a_blank_line_is_kept() =>
        (await Read("data: line1\ndata: line2\n\nevent: x\ndata:tail")).ShouldBe(["line1\nline2", "tail"]);

    [Fact]
    public async Task A_silent_stream_times_out()
    {
        var pipe = new System.IO.Pipelines.Pipe();
        var reading = Task.Run(async () =>
        {
            await foreach (var _ in SseReader.ReadEventsAsync(pipe.Reader.AsStream(), TimeSpan.FromMilliseconds(200), CancellationToken.None)) { }
        });
        await Should.ThrowAsync<TimeoutException>(reading);
    }
}
