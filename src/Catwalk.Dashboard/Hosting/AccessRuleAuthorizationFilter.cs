using Hangfire.Dashboard;

namespace Catwalk.Dashboard.Hosting;

/// <summary>
/// Hangfire's dashboard authorization: let through every request that reached it. The dashboard's own access rule has
/// already run by then — <see cref="AccessTokenMiddleware"/> sits before <c>/jobs</c> in the pipeline and refuses any
/// request without the token, and without a token the server only listens on loopback (<see cref="ListenAddress"/>).
/// Hangfire's default (LocalRequestsOnly) would refuse a legitimate, token-carrying request from another machine, and
/// a second rule of its own could drift from ours; one rule, enforced in one place, guards the whole site.
/// </summary>
internal sealed class AccessRuleAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => true;
}
