using System.Net;
using System.Net.Sockets;

namespace Ambient.Dashboard.Tests.Support;

/// <summary>A free loopback port, for the broker: the simulated household is told its port before it starts.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
