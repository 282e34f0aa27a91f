using Ambient.Gateway.Broker;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MQTTnet;
using MQTTnet.Formatter;

namespace Ambient.Gateway.Tests.Broker;

public sealed class ConnectionSecurityTests : IAsyncLifetime
{
    private TestGateway _gateway = null!;
    private string _secret = null!;

    public async Task InitializeAsync()
    {
        _gateway = await TestGateway.StartAsync();
        _secret = _gateway.Provision("kitchen-basil");
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task A_wrong_secret_is_refused_and_counted()
    {
        var (client, result) = await _gateway.ConnectAsync("kitchen-basil", "kitchen-basil", _secret + "x");

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
        Assert.False(client.IsConnected);
        Assert.Equal(1, _gateway.Broker.RejectedConnectionCount(ConnectRejection.WrongSecret));
    }

    [Fact]
    public async Task Secrets_never_reach_the_log_whether_right_or_wrong()
    {
        await using var verbose = await TestGateway.StartAsync(null, "Logging:LogLevel:Default=Trace");
        var secret = verbose.Provision("kitchen-basil");
        var device = await verbose.ConnectDeviceAsync("kitchen-basil", secret);
        await device.PublishQos1Async("ambient/v1/kitchen-basil/up/hello", Frames.Hello(1, 5));
        await verbose.ConnectAsync("kitchen-basil", "kitchen-basil", "wrong-" + secret);

        Assert.Contains(verbose.Logs.Lines, line => line.Contains(ConnectRejection.WrongSecret, StringComparison.Ordinal));
        Assert.DoesNotContain(verbose.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_anonymous_client_is_refused_and_counted()
    {
        var (_, result) = await _gateway.ConnectAsync("kitchen-basil", userName: null, password: null);

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
        Assert.Equal(1, _gateway.Broker.RejectedConnectionCount(ConnectRejection.Anonymous));
    }

    [Fact]
    public async Task An_unknown_device_id_is_refused_with_the_same_code_as_a_wrong_secret()
    {
        var (_, result) = await _gateway.ConnectAsync("garage-fern", "garage-fern", _secret);

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
        Assert.Equal(1, _gateway.Broker.RejectedConnectionCount(ConnectRejection.UnknownDevice));
    }

    [Fact]
    public async Task A_client_id_that_differs_from_the_username_is_refused()
    {
        var (_, result) = await _gateway.ConnectAsync("other-device", "kitchen-basil", _secret);

        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, result.ResultCode);
        Assert.Equal(1, _gateway.Broker.RejectedConnectionCount(ConnectRejection.ClientIdNotUsername));
    }

    [Fact]
    public async Task A_revoked_device_cannot_connect_even_with_its_cached_secret()
    {
        // Connect once so the successful verification is cached, then revoke.
        var first = await _gateway.ConnectDeviceAsync("kitchen-basil", _secret);
        await first.DisconnectAsync();
        Assert.True(_gateway.Services.GetRequiredService<DeviceRegistry>().Revoke("kitchen-basil"));

        var (_, result) = await _gateway.ConnectAsync("kitchen-basil", "kitchen-basil", _secret);

        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, result.ResultCode);
        Assert.Equal(1, _gateway.Broker.RejectedConnectionCount(ConnectRejection.Revoked));
    }

    [Fact]
    public async Task A_device_revoked_while_connected_is_disconnected_at_its_next_frame_which_is_not_stored()
    {
        var device = await _gateway.ConnectDeviceAsync("kitchen-basil", _secret);
        Assert.True(_gateway.Services.GetRequiredService<DeviceRegistry>().Revoke("kitchen-basil"));

        // No PUBACK: the broker answers with DISCONNECT, so the frame stays in the device's buffer, unstored.
        await Assert.ThrowsAsync<MQTTnet.Exceptions.MqttClientUnexpectedDisconnectReceivedException>(
            () => device.PublishQos1Async("ambient/v1/kitchen-basil/up/telemetry", Frames.Temperature(1, 1, 1_780_000_000, 2000)));

        await Eventually.TrueAsync(() => !device.IsConnected, "the revoked device is disconnected");
        Assert.Equal(1, _gateway.Ingest.RejectedCount(Ambient.Gateway.Telemetry.FrameRejection.RevokedDevice));
        Assert.Equal(0, _gateway.Scalar("SELECT count(*) FROM readings"));
    }

    [Fact]
    public async Task A_device_removed_while_connected_is_disconnected_without_waiting_for_its_next_frame()
    {
        var device = await _gateway.ConnectDeviceAsync("kitchen-basil", _secret);
        var quiet = await _gateway.ConnectDeviceAsync("hall-magnet", _gateway.Provision("hall-magnet"));

        // What `devices remove` does (from another process): it only writes the registry.
        Assert.True(_gateway.Services.GetRequiredService<DeviceRegistry>().Revoke("kitchen-basil"));
        var kicked = await _gateway.Services.GetServices<IHostedService>().OfType<RevocationWatcher>().Single().CheckAsync();

        Assert.Equal(["kitchen-basil"], kicked);
        await Eventually.TrueAsync(() => !device.IsConnected, "the removed device is disconnected");
        Assert.True(quiet.IsConnected);
    }

    [Fact]
    public async Task A_mqtt311_device_is_refused_with_a_wrong_secret_too()
    {
        var (_, result) = await _gateway.ConnectAsync("kitchen-basil", "kitchen-basil", "guess", MqttProtocolVersion.V311);

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
        Assert.Equal(1, _gateway.Broker.RejectedConnectionCount(ConnectRejection.WrongSecret));
    }

    [Fact]
    public async Task An_oversized_packet_closes_the_connection_before_connect_and_is_counted()
    {
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync("127.0.0.1", _gateway.BrokerPort);
        var stream = socket.GetStream();
        // A CONNECT fixed header announcing 268,435,455 bytes (Remaining Length 0xFF 0xFF 0xFF 0x7F).
        await stream.WriteAsync(new byte[] { 0x10, 0xFF, 0xFF, 0xFF, 0x7F });

        var buffer = new byte[16];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, read); // closed by the gateway, without waiting for the body
        await Eventually.TrueAsync(() => _gateway.Broker.RejectedConnectionCount("packet too large") == 1, "the refusal is counted");
    }

    [Fact]
    public async Task A_publish_larger_than_the_packet_limit_disconnects_the_device()
    {
        var device = await _gateway.ConnectDeviceAsync("kitchen-basil", _secret);

        await Assert.ThrowsAnyAsync<Exception>(() => device.PublishQos1Async("ambient/v1/kitchen-basil/up/telemetry", new byte[10_000]));

        await Eventually.TrueAsync(() => !device.IsConnected, "the device is disconnected");
        Assert.Equal(0, _gateway.Scalar("SELECT count(*) FROM readings"));
    }
}
