using Catwalk.Emulator.Endpoints;
using Microsoft.AspNetCore.Http;

namespace Catwalk.Emulator.Platform;

/// <summary>
/// Who may call which Platform API, as fal's scopes say: <c>/models</c> needs no key; pricing and request history need
/// an API key (when the emulator requires one); usage and billing events need the ADMIN key. Keys are compared, never logged or echoed.
/// </summary>
internal static class PlatformAuth
{
    /// <returns>The refusal, or null when the caller may go on.</returns>
    public static IResult? Check(HttpContext http, EmulatorContext context, PlatformScope scope)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var key = header.StartsWith("Key ", StringComparison.Ordinal) ? header[4..] : null;
        var options = context.Options;
        var known = key is not null && (key == options.RequiredKey || key == options.AdminKey);
        switch (scope)
        {
            case PlatformScope.Public:
                return key is not null && options.RequiredKey is not null && !known ? Unauthorized("Invalid API key.") : null;
            case PlatformScope.Api:
                if (options.RequiredKey is null && options.AdminKey is null) return null;
                return key is null ? Unauthorized("Authentication required") : known || options.RequiredKey is null ? null : Unauthorized("Invalid API key.");
            default:
                if (options.RequiredKey is null && options.AdminKey is null) return null;
                if (key is null) return Unauthorized("Authentication required");
                if (key == options.AdminKey) return null;
                return known || options.RequiredKey is null
                    ? PlatformError.Of(StatusCodes.Status403Forbidden, "authorization_error", "Access denied: this endpoint requires an Admin API key.")
                    : Unauthorized("Invalid API key.");
        }
    }

    private static IResult Unauthorized(string message) => PlatformError.Of(StatusCodes.Status401Unauthorized, "authorization_error", message);
}
