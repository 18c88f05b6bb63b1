using System.Text.Json.Serialization;

namespace Catwalk.Store;

/// <summary>
/// A run's overall status; derived from its jobs when the run ends (<see cref="RunStatusNames"/>). Stored, shown and
/// written to JSON as its lower-case word ("partial"), as it was when it was a string, so old databases keep working.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunStatus>))]
public enum RunStatus
{
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("partial")] Partial,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("interrupted")] Interrupted,
}
