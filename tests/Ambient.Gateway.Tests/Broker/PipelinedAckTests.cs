using Ambient.Gateway.Tests.Support;
using MQTTnet;
using MQTTnet.Formatter;

namespace Ambient.Gateway.Tests.Broker;

/// <summary>
/// One connection's PUBLISHes share commits (InboundPublishes) without giving up commit-before-PUBACK, PUBACK order,
/// or MQTTnet's keep-alive.
/// </summary>
public sealed class PipelinedAckTests : IAsyncLifetime
{
    private const string Topic = "ambient/v1/kitchen-basil/up/telemetry";
    private TestGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await TestGateway.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task Frames_in_flight_on_one_connection_share_commits_and_each_is_stored_when_acknowledged(MqttProtocolVersion version)
    {
        var device = await _gateway.ConnectDeviceAsync("kitchen-basil", _gateway.Provision("kitchen-basil"), version);
        var commitsBefore = _gateway.Ingest.Commits;
        const int frames = 60;

        var acks = Enumerable.Range(0, frames).Select(async i =>
        {
            var result = await device.PublishQos1Async(Topic, Frames.Temperature(3, (uint)i, 1_780_000_000, 2000 + i));
            // The PUBACK is the promise: this frame's row is there when it arrives.
            Assert.Equal(1, _gateway.Scalar("SELECT count(*) FROM readings WHERE boot = 3 AND seq = $s", ("$s", i)));
            return result;
        }).ToList();
        var results = await Task.WhenAll(acks);

        Assert.All(results, r => Assert.True(r.IsSuccess, r.ReasonCode.ToString()));
        Assert.Equal(frames, _gateway.Scalar("SELECT count(*) FROM readings WHERE boot = 3"));
        // Handled one at a time (MQTTnet's own path) every frame would be its own commit.
        Assert.True(_gateway.Ingest.Commits - commitsBefore < frames, $"{_gateway.Ingest.Commits - commitsBefore} commits for {frames} frames");
    }

    [Fact]
    public async Task A_malformed_frame_between_good_ones_is_refused_in_its_place()
    {
        var device = await _gateway.ConnectDeviceAsync("kitchen-basil", _gateway.Provision("kitchen-basil"));
        var bad = Frames.Temperature(4, 1, 1_780_000_000, 2000);
        bad[^1] ^= 0xFF;

        var results = await Task.WhenAll(
            device.PublishQos1Async(Topic, Frames.Temperature(4, 0, 1_780_000_000, 2000)),
            device.PublishQos1Async(Topic, bad),
            device.PublishQos1Async(Topic, Frames.Temperature(4, 2, 1_780_000_000, 2000)));

        Assert.Equal([MqttClientPublishReasonCode.Success, MqttClientPublishReasonCode.PayloadFormatInvalid, MqttClientPublishReasonCode.Success], results.Select(r => r.ReasonCode));
        Assert.Equal(2, _gateway.Scalar("SELECT count(*) FROM readings WHERE boot = 4"));
        Assert.True(device.IsConnected);
    }

    [Fact]
    public async Task A_device_that_only_publishes_is_not_dropped_by_the_keep_alive_check()
    {
        var secret = _gateway.Provision("kitchen-basil");
        var device = new MqttClientFactory().CreateMqttClient();
        // The client sends no PINGREQ while it keeps publishing; the broker allows 1.5 × 1 s of silence.
        await device.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _gateway.BrokerPort)
            .WithClientId("kitchen-basil")
            .WithCredentials("kitchen-basil", secret)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(1))
            .Build());

        for (uint i = 0; i < 40; i++)
        {
            var ack = await device.PublishQos1Async(Topic, Frames.Temperature(5, i, 1_780_000_000, 2000));
            Assert.True(ack.IsSuccess);
            await Task.Delay(100);
        }

        Assert.True(device.IsConnected);
        Assert.Equal(40, _gateway.Scalar("SELECT count(*) FROM readings WHERE boot = 5"));
        device.Dispose();
    }
}
