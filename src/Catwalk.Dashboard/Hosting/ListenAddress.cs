using System.Net;

namespace Catwalk.Dashboard.Hosting;

/// <summary>The address to bind: loopback freely; anything else only with an access token, since the dashboard shows prompts, costs and media.</summary>
internal static class ListenAddress
{
    public static IPAddress Check(DashboardOptions options)
    {
        var host = options.Host.Trim();
        var address = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var parsed) ? parsed
            : throw new ArgumentException($"--host must be an IP address (e.g. 127.0.0.1), not '{options.Host}'.");
        if (options.Port is < 0 or > 65535) throw new ArgumentException($"--port must be 0–65535, not {options.Port}.");
        if (!IPAddress.IsLoopback(address) && string.IsNullOrWhiteSpace(options.AccessToken))
            throw new ArgumentException($"Refusing to serve the dashboard on {host} without an access token: anyone who can reach it would see every prompt, cost and video. Pass --token, or keep the default 127.0.0.1.");
        return address;
    }
}
