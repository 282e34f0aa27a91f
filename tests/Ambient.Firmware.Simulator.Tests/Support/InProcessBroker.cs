using System.Net;
using Ambient.Gateway.Tests.Support;
using MQTTnet.Server;

namespace Ambient.Firmware.Simulator.Tests.Support;

/// <summary>A real MQTTnet broker on a free loopback port, open to any client (the gateway's ACLs are tested there).</summary>
internal sealed class InProcessBroker : IAsyncDisposable
{
    private InProcessBroker(MqttServer server, int port)
    {
        Server = server;
        Port = port;
    }

    public MqttServer Server { get; }

    public int Port { get; }

    public static async Task<InProcessBroker> StartAsync()
    {
        var port = FreePort.Next();
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(port)
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        await server.StartAsync();
        return new InProcessBroker(server, port);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync();
        Server.Dispose();
    }
}
