namespace Catwalk.Emulator;

/// <summary>How the emulator listens and behaves.</summary>
public sealed record FalEmulatorOptions
{
    /// <summary>Loopback by default: the emulator is for this machine only.</summary>
    public string Host { get; init; } = "127.0.0.1";
    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }
    /// <summary>× each model's typical queue and inference seconds from the catalog; 0 is instant.</summary>
    public double LatencyScale { get; init; } = 0.02;
    /// <summary>Jobs one endpoint runs at once; more wait IN_QUEUE with a queue position, as on fal.</summary>
    public int GpusPerEndpoint { get; init; } = 4;
    /// <summary>When set, queue and storage calls need <c>Authorization: Key &lt;RequiredKey&gt;</c> (401 otherwise).</summary>
    public string? RequiredKey { get; init; }
    /// <summary>Where renders are cached across runs; default $XDG_CACHE_HOME (or ~/.cache)/catwalk/emulator.</summary>
    public string? CacheDirectory { get; init; }
    /// <summary>Uploads and produced media; default a fresh temp folder removed on dispose.</summary>
    public string? WorkDirectory { get; init; }
    /// <summary>Seeds latency jitter, so a run's timings repeat.</summary>
    public int Seed { get; init; }
    /// <summary>How often the status stream sends a keep-alive comment (fal: every 15 s).</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(15);
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
    /// <summary>Faults to inject (429s, 5xx, dropped connections, cut streams, truncated media, failing jobs…), rolled under <see cref="Seed"/>.</summary>
    public IReadOnlyList<Faults.FaultRule> Faults { get; init; } = [];
    /// <summary>The ADMIN-scope key the Platform APIs' usage endpoints accept (fal's <c>adminApiKey</c>); null: none exists.</summary>
    public string? AdminKey { get; init; }
    /// <summary>Endpoints the model search lists as <c>deprecated</c>, as fal does before it retires one.</summary>
    public IReadOnlySet<string> DeprecatedEndpoints { get; init; } = new HashSet<string>();
    /// <summary>The account's discount in percent, applied to what usage says was charged (0–100).</summary>
    public decimal PercentDiscount { get; init; }
    /// <summary>Also serve the image-to-video endpoints of fal that are not in Catwalk's built-in catalog (Platform/fal-extra-models.json).</summary>
    public bool ServeExtraModels { get; init; } = true;
    /// <summary>
    /// Serve <c>GET /v1/models/billing-events</c> (per-request bills). False: it answers 404 <c>not_found</c>, as for an
    /// account or region where fal does not offer it, so a client's fallback to usage can be tested.
    /// </summary>
    public bool ServeBillingEvents { get; init; } = true;
}
