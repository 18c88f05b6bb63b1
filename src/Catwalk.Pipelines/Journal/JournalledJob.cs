using System.Text.Json.Nodes;
using Catwalk.Domain;
using Catwalk.Fal;
using Catwalk.Generation;
using Catwalk.Fal.Generation;
using Catwalk.Pipelines.Telemetry;
using Catwalk.Telemetry;

namespace Catwalk.Pipelines.Journal;

/// <summary>
/// The one job protocol, for every stage: begin in the journal → done, ended or reused from an identical job → take the
/// gate (concurrency, budget) → the generator records the exact arguments before they are sent and the request id
/// before anything waits → wait → record fal's answer → download, verify, record. A stage
/// (<see cref="IJournalledStage{TResponse, TResult}"/>) only says how to send its call and keep its result.
/// An attempt that ends without a result is recorded (<see cref="JobEndings"/>) and returned, never thrown; what cannot
/// be recorded (the journal itself failing) is thrown.
/// </summary>
public sealed class JournalledJob(TimeProvider time, FalConnection? connection = null)
{
    internal async Task<JobAttempt<TResult>> RunAsync<TResponse, TResult>(IJournalledStage<TResponse, TResult> stage, IJobJournal? journal, CancellationToken cancellationToken)
        where TResponse : IGenerationResponse
    {
        var start = stage.Start;
        using var telemetry = JobTelemetry.Start(start.Stage, start.ModelKey, start.EndpointId, stage.Prompt, connection?.Emulated ?? false);
        var attempt = await AttemptAsync(stage, journal ?? NullJobJournal.Instance, telemetry, cancellationToken).ConfigureAwait(false);
        telemetry.Ended(attempt.Status, attempt.RequestId, attempt.Result is { } result ? stage.CostOf(result) : 0, attempt.Cached);
        return attempt;
    }

    private async Task<JobAttempt<TResult>> AttemptAsync<TResponse, TResult>(IJournalledStage<TResponse, TResult> stage, IJobJournal journal, JobTelemetry telemetry, CancellationToken cancellationToken)
        where TResponse : IGenerationResponse
    {
        await using var ticket = await journal.BeginAsync(stage.Start, cancellationToken).ConfigureAwait(false);
        telemetry.Begin();
        var resume = ticket.Resume;
        switch (resume.Kind)
        {
            case JobResumeKind.Done:
                telemetry.AlreadyEnded(JobOutcomeStatus.Succeeded, resume.RequestId);
                return new(JobOutcomeStatus.Succeeded) { Result = stage.Saved(resume), RequestId = resume.RequestId };
            case JobResumeKind.Skip:
                telemetry.AlreadyEnded(resume.Status, resume.RequestId);
                return new(resume.Status) { RequestId = resume.RequestId, Error = resume.Error ?? $"the {stage.Start.Stage.Name()} job ended as {resume.Status}" };
            case JobResumeKind.Cached:
                return new(JobOutcomeStatus.Succeeded) { Result = await stage.ReuseAsync(ticket, cancellationToken).ConfigureAwait(false), Cached = true };
        }

        var generation = new TicketGenerationJournal(ticket, time, connection?.StartDeadline);
        try
        {
            TResponse response;
            // The gate bounds what is at fal: it is held from sending until fal's answer is recorded (so the store never
            // shows more jobs at fal than the limit), not while the result downloads.
            await using (await ticket.AcquireAsync(cancellationToken).ConfigureAwait(false))
            {
                response = await stage.GenerateAsync(resume.Continuation, generation, cancellationToken).ConfigureAwait(false);
                if (resume.ArgumentsJson is { } sent) response = stage.WithArguments(response, (JsonObject)JsonNode.Parse(sent)!);
                await ticket.CompletedAsync(new JobCompletion(response.RequestId, response.RawResponse, response.Timings.QueueWait, response.Timings.Inference), cancellationToken).ConfigureAwait(false);
            }
            telemetry.Phase(CatwalkPhase.QueueWait, response.Timings.QueueWait);
            telemetry.Phase(CatwalkPhase.Inference, response.Timings.Inference);
            var result = await stage.SaveAsync(ticket, response, resume.Continuation is not null, telemetry, cancellationToken).ConfigureAwait(false);
            return new(JobOutcomeStatus.Succeeded) { Result = result, RequestId = response.RequestId };
        }
        catch (Exception e)
        {
            // This job ended; the run's other jobs carry on.
            var ending = JobEndings.Of(e, cancellationToken);
            if (ending.Recorded) await ticket.EndedAsync(ending.Status, ending.Error, CancellationToken.None).ConfigureAwait(false);
            var requestId = ending.Status is JobOutcomeStatus.Unknown or JobOutcomeStatus.Skipped ? null : generation.RequestId ?? resume.RequestId ?? (e as FalException)?.RequestId;
            return new(ending.Status) { RequestId = requestId, Error = ending.Error, Failure = e };
        }
    }
}
