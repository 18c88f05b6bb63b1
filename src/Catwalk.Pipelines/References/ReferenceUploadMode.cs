namespace Catwalk.Pipelines.References;

/// <summary>How reference images reach fal.</summary>
public enum ReferenceUploadMode
{
    /// <summary>Uploaded once to fal's storage; every model gets the same short URL.</summary>
    Storage,
    /// <summary>Sent inline as base64 data URIs in every request (larger requests; no upload step).</summary>
    DataUri,
}
