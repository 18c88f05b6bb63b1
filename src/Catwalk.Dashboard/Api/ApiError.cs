namespace Catwalk.Dashboard.Api;

/// <summary>Why a request was refused; for a manifest mistake, also where (file, 1-based line, field) as the manifest reader said.</summary>
public sealed record ApiError(string Error, int? Line = null, string? Field = null);
