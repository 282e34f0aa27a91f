using Ambient.Gateway.Telemetry;
using Ambient.Gateway.Tests.Support;
using Ambient.Protocol;
using MQTTnet;
using MQTTnet.Formatter;

namespace Ambient.Gateway.Tests.Broker;

public sealed class EmbeddedIngestTests : IAsyncLifetime
{
    private const string Topic = "ambient/v1/kitchen-basil/up/telemetry";
    private TestGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await TestGateway.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Readings_are_in_sqlite_by_the_time_the_qos1_publish_is_acknowledged()
    {
        var device = await _gateway.ConnectDeviceAsync("kitchen-basil", _gateway.Provision("kitchen-basil"));
        var frame = Frames.Telemetry(7, 100, 1_780_000_000, FrameFlags.None,
            (0, SensorKind.TemperatureCentiCelsius, 2150), (0, SensorKind.SoilMoisturePermille, 420), (60, SensorKind.TemperatureCentiCelsius, 2160));

        var ack = await device.PublishQos1Async(Topic, frame);

        // No waiting: the PUBACK itself is the proof that the transaction committed.
        Assert.True(ack.IsSuccess);
        Assert.Equal(3, _gateway.Scalar("SELECT count(*) FROM readings WHERE device = 'kitchen-basil' AND boot = 7"));
        Assert.Equal(2160, _gateway.Scalar("SELECT value FROM readings WHERE seq = 101 AND kind = $k", ("$k", (int)SensorKind.TemperatureCentiCelsius)));
        Assert.Equal(1_780_000_060, _gateway.Scalar("SELECT ts FROM readings WHERE seq = 101"));
        Assert.Equal(0, _gateway.Scalar("SELECT count(*) FROM readings WHERE estimated = 1"));
        Assert.True(_gateway.Scalar("SELECT last_seen FROM devices WHERE id = 'kitchen-basil'") > 0);
    }

    [Fact]
    public async Task A_replayed_frame_is_stored_once()
    {
        var device = await _gateway.ConnectDeviceAsync("kitchen-basil", _gateway.Provision("kitchen-basil"));
        var frame = Frames.Temperature(7, 5, 1_780_000_000, 2100);

        await device.PublishQos1Async(Topic, frame);
        await device.PublishQos1Async(Topic, frame);
        var replay = Frames.Temperature(7, 5, 1_780_000_000, 2100, FrameFlags.Replay);
        var ack = await device.PublishQos1Async(Topic, replay);

        Assert.True(ack.IsSuccess);
        Assert.Equal(1, _gateway.Scalar("SELECT count(*) FROM readings"));
        Assert.Equal(1, _gateway.Ingest.StoredReadings);
        Assert.Equal(2, _gateway.Ingest.DuplicateReadings);
    }

    [Fact]
    public async Task Malformed_frames_are_refused_counted_by_reason_and_the_connection_keeps_serving()
    {
        var device = await _gateway.ConnectDeviceAsync("kitchen-basil", _gateway.Provision("kitchen-basil"));
        var badCrc = Frames.Temperature(1, 1, 1_780_000_000, 2000);
        badCrc[^1] ^= 0xFF;
        var truncated = Frames.Temperature(1, 2, 1_780_000_000, 2000)[..10];
        var helloOnTelemetry = Frames.Hello(1, 30);

        var crcAck = await device.PublishQos1Async(Topic, badCrc);
        var truncatedAck = await device.PublishQos1Async(Topic, truncated);
        var typeAck = await device.PublishQos1Async(Topic, helloOnTelemetry);
        var good = await device.PublishQos1Async(Topic, Frames.Temperature(1, 3, 1_780_000_000, 2000));

        // Refused frames are still acknowledged (so the device drops them) with MQTT 5's "payload format invalid".
        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, crcAck.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, truncatedAck.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, typeAck.ReasonCode);
        Assert.True(good.IsSuccess);
        Assert.True(device.IsConnected);
        Assert.Equal(1, _gateway.Ingest.RejectedCount(DecodeResult.StatusName(DecodeStatus.BadCrc)));
        Assert.Equal(1, _gateway.Ingest.RejectedCount(DecodeResult.StatusName(DecodeStatus.Truncated)));
        Assert.Equal(1, _gateway.Ingest.RejectedCount(FrameRejection.TypeDoesNotMatchTopic));
        Assert.Equal(1, _gateway.Scalar("SELECT count(*) FROM readings"));
        Assert.Equal(3, _gateway.Scalar("SELECT seq FROM readings"));
    }

    [Fact]
    public async Task Hello_records_firmware_kind_and_capabilities_and_status_sets_the_online_flag()
    {
        var device = await _gateway.ConnectDeviceAsync("hall-magnet", _gateway.Provision("hall-magnet", "planter"));

        await device.PublishQos1Async("ambient/v1/hall-magnet/up/hello", Frames.Hello(3, 12, DeviceKind.FridgeMagnet, 2, 0, 14));
        // MQTTnet raises "client connected" after CONNACK but before it reads the client's first packet, so by the
        // time the hello is acknowledged the connection has marked the device online.
        Assert.Equal(1, _gateway.Scalar("SELECT online FROM devices WHERE id = 'hall-magnet'"));
        await device.PublishQos1Async("ambient/v1/hall-magnet/status", "offline"u8.ToArray(), retain: true);

        Assert.Equal(0, _gateway.Scalar("SELECT online FROM devices WHERE id = 'hall-magnet'"));
        Assert.Equal(1, _gateway.Scalar("SELECT count(*) FROM devices WHERE id = 'hall-magnet' AND kind = 'fridge-magnet' AND firmware = '2.0.14'"));
        Assert.Equal((long)(Capabilities.SoilMoisture | Capabilities.Temperature), _gateway.Scalar("SELECT capabilities FROM devices WHERE id = 'hall-magnet'"));

        await device.PublishQos1Async("ambient/v1/hall-magnet/status", "online"u8.ToArray(), retain: true);
        Assert.Equal(1, _gateway.Scalar("SELECT online FROM devices WHERE id = 'hall-magnet'"));
    }

    [Fact]
    public async Task A_disconnect_marks_the_device_offline()
    {
        var device = await _gateway.ConnectDeviceAsync("kitchen-basil", _gateway.Provision("kitchen-basil"));
        await device.PublishQos1Async("ambient/v1/kitchen-basil/up/hello", Frames.Hello(1, 5)); // see the hello test
        Assert.Equal(1, _gateway.Broker.ConnectedClients);
        Assert.Equal(1, _gateway.Scalar("SELECT online FROM devices WHERE id = 'kitchen-basil'"));

        await device.DisconnectAsync();

        await Eventually.TrueAsync(() => _gateway.Scalar("SELECT online FROM devices WHERE id = 'kitchen-basil'") == 0, "online = 0");
        Assert.Equal(0, _gateway.Broker.ConnectedClients);
    }

    [Fact]
    public async Task Battery_and_rssi_readings_update_the_registry()
    {
        var device = await _gateway.ConnectDeviceAsync("kitchen-basil", _gateway.Provision("kitchen-basil"), MqttProtocolVersion.V311);

        await device.PublishQos1Async(Topic, Frames.Telemetry(1, 1, 1_780_000_000, FrameFlags.None,
            (0, SensorKind.BatteryMillivolts, 3700), (0, SensorKind.RssiDbm, -61), (30, SensorKind.BatteryMillivolts, 3690)));

        Assert.Equal(3690, _gateway.Scalar("SELECT battery_mv FROM devices WHERE id = 'kitchen-basil'"));
        Assert.Equal(-61, _gateway.Scalar("SELECT rssi_dbm FROM devices WHERE id = 'kitchen-basil'"));
    }
}
