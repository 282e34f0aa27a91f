using Ambient.Gateway.Broker;
using Ambient.Gateway.Telemetry;
using Ambient.Gateway.Tests.Support;
using Ambient.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Ambient.Gateway.Tests.Broker;

/// <summary>
/// External-broker mode through a real Mosquitto: the same ingest path, a persistent session, and a manual PUBACK
/// to Mosquitto after each commit.
/// </summary>
public sealed class ExternalBrokerTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ambient-external-").FullName;
    private Mosquitto _mosquitto = null!;
    private TestGateway? _gateway;

    public async Task InitializeAsync()
    {
        _mosquitto = await Mosquitto.StartAsync(new Dictionary<string, string>
        {
            ["ambient-gateway"] = "gateway-secret",
            ["kitchen-basil"] = "basil-secret",
            ["garage-fern"] = "fern-secret",
        });
        _gateway = await StartGatewayAsync();
        _gateway.Provision("kitchen-basil"); // garage-fern has a broker account but is not in the gateway's registry
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        await _mosquitto.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task Telemetry_through_mosquitto_is_stored_once_and_malformed_or_unknown_frames_are_counted()
    {
        var gateway = _gateway!;
        var basil = await gateway.ConnectDeviceAsync(_mosquitto.Port, "kitchen-basil", "basil-secret");
        var fern = await gateway.ConnectDeviceAsync(_mosquitto.Port, "garage-fern", "fern-secret");
        var frame = Frames.Temperature(1, 1, 1_780_000_000, 2000);
        var bad = Frames.Temperature(1, 2, 1_780_000_000, 2000);
        bad[^2] ^= 0x40;

        await basil.PublishQos1Async("ambient/v1/kitchen-basil/up/telemetry", frame);
        await basil.PublishQos1Async("ambient/v1/kitchen-basil/up/telemetry", frame);
        await basil.PublishQos1Async("ambient/v1/kitchen-basil/up/telemetry", bad);
        await fern.PublishQos1Async("ambient/v1/garage-fern/up/telemetry", Frames.Temperature(1, 1, 1_780_000_000, 2000));
        await basil.PublishQos1Async("ambient/v1/kitchen-basil/up/telemetry", Frames.Temperature(1, 3, 1_780_000_000, 2000));

        // Mosquitto's PUBACK says nothing about the gateway, so wait for the last frame to be committed.
        await Eventually.TrueAsync(() => gateway.Scalar("SELECT count(*) FROM readings WHERE seq = 3") == 1, "the last frame is stored");
        Assert.Equal(2, gateway.Scalar("SELECT count(*) FROM readings"));
        Assert.Equal(1, gateway.Ingest.DuplicateReadings);
        Assert.Equal(1, gateway.Ingest.RejectedCount(DecodeResult.StatusName(DecodeStatus.BadCrc)));
        Assert.Equal(1, gateway.Ingest.RejectedCount(FrameRejection.UnknownDevice));
    }

    [Fact]
    public async Task Frames_sent_while_the_gateway_is_down_are_stored_when_it_reconnects_to_its_persistent_session()
    {
        await _gateway!.DisposeAsync();
        _gateway = null;
        using var basil = await MqttDevice.ConnectAcceptedAsync(_mosquitto.Port, "kitchen-basil", "basil-secret");
        for (uint seq = 1; seq <= 50; seq++)
        {
            await basil.PublishQos1Async("ambient/v1/kitchen-basil/up/telemetry", Frames.Temperature(4, seq, 1_780_000_000 + seq, 2000 + (int)seq));
        }

        _gateway = await StartGatewayAsync();

        var gateway = _gateway;
        await Eventually.TrueAsync(() => gateway.Scalar("SELECT count(*) FROM readings WHERE boot = 4") == 50, "all 50 queued frames are stored");
        Assert.Equal(2050, gateway.Scalar("SELECT value FROM readings WHERE boot = 4 AND seq = 50"));
    }

    private async Task<TestGateway> StartGatewayAsync()
    {
        var gateway = await TestGateway.StartInAsync(_dataDirectory, null,
            "Broker:Mode=External",
            "Broker:External:Host=127.0.0.1",
            $"Broker:External:Port={_mosquitto.Port}",
            "Broker:External:UserName=ambient-gateway",
            "Broker:External:Password=gateway-secret",
            "Broker:External:ReconnectDelay=00:00:00.200");
        await gateway.Services.GetRequiredService<ExternalBrokerClient>().Ready.WaitAsync(TimeSpan.FromSeconds(20));
        return gateway;
    }
}
