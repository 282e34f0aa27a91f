using System.Net;
using System.Net.Sockets;

namespace Ambient.Gateway.Tests.Support;

/// <summary>
/// A loopback port nobody is listening on, for processes that must be told their port up front (Mosquitto, a
/// gateway started as a separate process). The OS does not hand the same ephemeral port out again at once.
/// </summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
