using System.Net;
using System.Net.Sockets;

namespace Catwalk.Cli.Tests;

/// <summary>A TCP port free on loopback right now, for a process the test starts to listen on.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
