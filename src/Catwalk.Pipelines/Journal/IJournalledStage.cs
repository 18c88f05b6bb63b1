using System.Text.Json.Nodes;
using Catwalk.Generation;
using Catwalk.Pipelines.Telemetry;

namespace Catwalk.Pipelines.Journal;

/// <summary>
/// A stage's part of a journalled job (<see cref="JournalledJob"/>): how to send its call and how to keep its result.
/// The protocol around it (begin, reuse, gate, record what is sent and the request id, wait, record the end) is the
/// template's, the same for every stage.
/// </summary>
internal interface IJournalledStage<TResponse, TResult> where TResponse : IGenerationResponse
{
    JobStart Start { get; }
    string Prompt { get; }

    /// <summary>Done in an earlier attempt: the result as its stored metadata describes it.</summary>
    TResult Saved(JobResumePoint resume);

    /// <summary>An identical job was paid for before: copy its outputs, describe and record the copies.</summary>
    Task<TResult> ReuseAsync(IJobTicket ticket, CancellationToken cancellationToken);

    /// <summary>Sends the call, or with a continuation collects the one fal already has; the generator journals what it sends.</summary>
    Task<TResponse> GenerateAsync(GenerationContinuation? continuation, IGenerationJournal journal, CancellationToken cancellationToken);

    /// <summary>The response as it was first sent (a collected job's generator saw only placeholders).</summary>
    TResponse WithArguments(TResponse response, JsonObject sent);

    /// <summary>Downloads, verifies, describes and records the result.</summary>
    Task<TResult> SaveAsync(IJobTicket ticket, TResponse response, bool resumed, JobTelemetry telemetry, CancellationToken cancellationToken);

    /// <summary>What the result cost (0 when reused).</summary>
    decimal CostOf(TResult result);
}
