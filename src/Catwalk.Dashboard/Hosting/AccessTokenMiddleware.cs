using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Catwalk.Dashboard.Hosting;

/// <summary>
/// With a token, every request must carry it: <c>?token=…</c> once (it is then kept in an HTTP-only cookie), the
/// cookie, or <c>Authorization: Bearer …</c>. Anything else is 401.
/// </summary>
internal sealed class AccessTokenMiddleware(RequestDelegate next, string token)
{
    private const string Cookie = "catwalk_dashboard_token";
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(token);

    public async Task InvokeAsync(HttpContext context)
    {
        var query = context.Request.Query["token"].ToString();
        var bearer = context.Request.Headers.Authorization.ToString() is { } h && h.StartsWith("Bearer ", StringComparison.Ordinal) ? h[7..] : "";
        if (Matches(query))
        {
            context.Response.Cookies.Append(Cookie, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true });
        }
        else if (!Matches(bearer) && !Matches(context.Request.Cookies[Cookie] ?? ""))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsync("This dashboard needs its access token: open the URL printed by `catwalk dashboard`.");
            return;
        }
        await next(context);
    }

    private bool Matches(string candidate) =>
        candidate.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _expected);
}
