using Ambient.Gateway.Broker;
using Ambient.Gateway.Tests.Support;
using Ambient.Protocol;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Ambient.Gateway.Tests.Broker;

public sealed class TopicAclTests : IAsyncLifetime
{
    private TestGateway _gateway = null!;
    private IMqttClient _a = null!;

    public async Task InitializeAsync()
    {
        _gateway = await TestGateway.StartAsync();
        _a = await _gateway.ConnectDeviceAsync("device-a", _gateway.Provision("device-a"));
        _gateway.Provision("device-b");
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task A_device_cannot_publish_telemetry_as_another_device()
    {
        var ack = await _a.PublishQos1Async("ambient/v1/device-b/up/telemetry", Frames.Temperature(1, 1, 1_780_000_000, 2000));

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, ack.ReasonCode);
        Assert.Equal(0, _gateway.Scalar("SELECT count(*) FROM readings"));
        Assert.Equal(1, _gateway.Broker.AclDenialCount(AclDenial.Publish));
    }

    [Theory]
    [InlineData("ambient/v1/device-b/status")]
    [InlineData("ambient/v1/device-a/down/display")]
    [InlineData("ambient/v1/device-b/down/display")]
    [InlineData("homeassistant/sensor/x/config")]
    [InlineData("$SYS/broker")]
    public async Task A_device_cannot_publish_outside_its_own_up_and_status_topics(string topic)
    {
        var ack = await _a.PublishQos1Async(topic, [1, 2, 3]);

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, ack.ReasonCode);
        Assert.Equal(1, _gateway.Broker.AclDenialCount(AclDenial.Publish));
    }

    [Fact]
    public async Task An_mqtt311_device_publishing_to_a_foreign_topic_is_disconnected()
    {
        // MQTT 3.1.1 has no negative PUBACK, so the refusal is a closed connection.
        var v3 = await _gateway.ConnectDeviceAsync("device-c", _gateway.Provision("device-c"), MqttProtocolVersion.V311);

        await Assert.ThrowsAnyAsync<Exception>(() => v3.PublishQos1Async("ambient/v1/device-b/up/telemetry", Frames.Temperature(1, 1, 1_780_000_000, 2000)));

        await Eventually.TrueAsync(() => !v3.IsConnected, "the v3 device is disconnected");
        Assert.Equal(1, _gateway.Broker.AclDenialCount(AclDenial.Publish));
        Assert.Equal(0, _gateway.Scalar("SELECT count(*) FROM readings"));
    }

    [Theory]
    [InlineData("#")]
    [InlineData("ambient/#")]
    [InlineData("ambient/v1/+/down/#")]
    [InlineData("ambient/v1/device-b/down/#")]
    [InlineData("ambient/v1/device-b/down/display")]
    [InlineData("ambient/v1/device-a/up/telemetry")]
    public async Task A_device_cannot_subscribe_outside_its_own_down_topics(string filter)
    {
        var result = await _a.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build());

        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, result.Items.Single().ResultCode);
        Assert.Equal(1, _gateway.Broker.AclDenialCount(AclDenial.Subscribe));
    }

    [Fact]
    public async Task A_device_receives_the_gateways_downlinks_on_its_own_down_topics()
    {
        var received = new TaskCompletionSource<MqttApplicationMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _a.ApplicationMessageReceivedAsync += e =>
        {
            received.TrySetResult(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        var subscribed = await _a.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(Topics.DownFilter("device-a"), MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, subscribed.Items.Single().ResultCode);
        var frame = FrameEncoder.Encode(new TimeMessage { BootId = 0, Sequence = 1, Timestamp = 1_780_000_000, UnixSeconds = 1_780_000_000, UtcOffsetMinutes = 60 });

        await _gateway.Services.GetRequiredService<IDownlinkPublisher>().PublishAsync("device-a", Channel.Time, frame, retain: false, CancellationToken.None);

        var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("ambient/v1/device-a/down/time", message.Topic);
        Assert.Equal(frame, System.Buffers.BuffersExtensions.ToArray(message.Payload));
        Assert.Equal(0, _gateway.Broker.AclDenialCount(AclDenial.Publish));
    }
}
