namespace Catwalk.Cli.Infrastructure;

/// <summary>
/// Every configuration key and <c>CATWALK_*</c> variable Catwalk reads. Anything else under <c>Catwalk:</c> or
/// <c>CATWALK_</c> is a typo or a leftover, and gets a warning instead of being ignored in silence.
/// </summary>
internal static class KnownSettings
{
    public static IReadOnlyList<string> ConfigurationKeys { get; } =
    [
        "Catwalk:Db",
        "Catwalk:LogFormat",
        "Catwalk:Fal:QueueUrl",
        "Catwalk:Fal:StorageUrl",
        "Catwalk:Fal:ApiUrl",
        "Catwalk:Emulator:LatencyScale",
        "Catwalk:Emulator:GpusPerEndpoint",
        "Catwalk:Worker:TakeoverSeconds",
    ];

    public static IReadOnlyList<string> EnvironmentVariables { get; } =
    [
        "CATWALK_DB",
        "CATWALK_LOG_FORMAT",
        "CATWALK_FAL_QUEUE_URL",
        "CATWALK_FAL_STORAGE_URL",
        "CATWALK_FAL_API_URL",
        "CATWALK_VISION_DIR", // where the fashion-metrics worker (tools/vision) is installed
        "CATWALK_TEST_POSTGRES", // read by Catwalk's own test suite, set by ./test
    ];
}
