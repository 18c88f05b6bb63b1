using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Catwalk.Manifests.Reading;

/// <summary>
/// YamlDotNet's parser, remembering where the last event ended: on some broken input (an unclosed '[' before more
/// keys) the scanner throws a bare InvalidOperationException without a position, and this turns it into a
/// syntax error at the last place that still parsed.
/// </summary>
internal sealed class TrackingParser(IParser inner) : IParser
{
    private Mark _last = Mark.Empty;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        try
        {
            var moved = inner.MoveNext();
            if (inner.Current is { } current) _last = current.End;
            return moved;
        }
        catch (Exception e) when (e is not YamlException)
        {
            throw new YamlException(_last, _last, "the YAML cannot be read after this point; is a '[', '{' or quote left open?", e);
        }
    }
}
