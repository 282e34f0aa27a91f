using System.Security.Cryptography.X509Certificates;
using Ambient.Gateway.Broker;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace Ambient.Gateway.Tests.Broker;

public sealed class BrokerLimitsTests
{
    [Fact]
    public async Task Connections_beyond_the_limit_are_refused_as_server_busy_and_counted()
    {
        await using var gateway = await TestGateway.StartAsync(null, "Broker:MaxConnections=1");
        var first = await gateway.ConnectDeviceAsync("kitchen-basil", gateway.Provision("kitchen-basil"));
        // Acknowledged only after MQTTnet has raised "client connected", which is what the limit counts.
        await first.PublishQos1Async("ambient/v1/kitchen-basil/up/hello", Frames.Hello(1, 5));

        var (_, second) = await gateway.ConnectAsync("hall-magnet", "hall-magnet", gateway.Provision("hall-magnet"));

        Assert.Equal(MqttClientConnectResultCode.ServerBusy, second.ResultCode);
        Assert.Equal(1, gateway.Broker.RejectedConnectionCount(ConnectRejection.TooManyConnections));
    }

    [Fact]
    public async Task A_socket_that_never_sends_connect_is_closed_after_the_communication_timeout()
    {
        await using var gateway = await TestGateway.StartAsync(null, "Broker:CommunicationTimeout=00:00:01");
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync("127.0.0.1", gateway.BrokerPort);
        var started = Environment.TickCount64;

        var read = await socket.GetStream().ReadAsync(new byte[1]).AsTask().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(0, read);
        Assert.InRange(Environment.TickCount64 - started, 500, 15000);
    }

    [Fact]
    public async Task Tls_uses_a_self_signed_certificate_created_on_first_run_and_kept_for_the_next()
    {
        await using var gateway = await TestGateway.StartAsync(null, "Broker:Tls:Enabled=true", "Broker:Tls:Port=0");
        var secret = gateway.Provision("kitchen-basil");
        var file = Path.Combine(gateway.DataDirectory, "broker-cert.pfx");
        Assert.True(File.Exists(file));
        using var pinned = X509CertificateLoader.LoadPkcs12FromFile(file, password: null);
        var tlsPort = gateway.Services.GetRequiredService<EmbeddedBroker>().TlsPort!.Value;
        X509Certificate? presented = null;
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", tlsPort)
            .WithClientId("kitchen-basil")
            .WithCredentials("kitchen-basil", secret)
            .WithTlsOptions(o => o.UseTls().WithTargetHost("localhost").WithCertificateValidationHandler(e =>
            {
                presented = e.Certificate;
                return e.Certificate?.GetCertHashString() == pinned.GetCertHashString(); // devices pin the gateway's certificate
            }))
            .Build();

        var result = await client.ConnectAsync(options);
        var ack = await client.PublishQos1Async("ambient/v1/kitchen-basil/up/telemetry", Frames.Temperature(1, 1, 1_780_000_000, 2000));

        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        Assert.NotNull(presented);
        Assert.True(ack.IsSuccess);
        Assert.Equal(1, gateway.Scalar("SELECT count(*) FROM readings"));
        using var again = gateway.Services.GetRequiredService<BrokerCertificate>().LoadOrCreate();
        Assert.Equal(pinned.GetCertHashString(), again.GetCertHashString());
    }
}
