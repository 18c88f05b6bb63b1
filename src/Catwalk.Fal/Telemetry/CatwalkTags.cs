namespace Catwalk.Telemetry;

/// <summary>
/// The attribute names on Catwalk's spans and metrics. None ever carries the fal key; prompts are cut to
/// <see cref="CatwalkTelemetry.MaxPromptLength"/> characters.
/// </summary>
public static class CatwalkTags
{
    public const string RunId = "catwalk.run.id";
    public const string RunKind = "catwalk.run.kind";
    public const string RunStatus = "catwalk.run.status";
    public const string JobId = "catwalk.job.id";
    public const string JobState = "catwalk.job.state";
    public const string ModelKey = "catwalk.model.key";
    public const string Endpoint = "catwalk.endpoint";
    public const string RequestId = "catwalk.request_id";
    public const string Stage = "catwalk.stage";
    public const string Phase = "catwalk.phase";
    public const string CostUsd = "catwalk.cost_usd";
    public const string Emulated = "catwalk.emulated";
    public const string Cached = "catwalk.cached";
    public const string Prompt = "catwalk.prompt";
    public const string Bytes = "catwalk.bytes";
    public const string ContentType = "catwalk.content_type";
    public const string StatusCode = "http.response.status_code";
    public const string ErrorType = "error.type";
    public const string Client = "catwalk.fal.client";
}
