using MQTTnet;
using MQTTnet.Protocol;

namespace Ambient.Gateway.Tests.Support;

public static class MqttClientExtensions
{
    /// <summary>QoS 1 publish; the returned task completes when the PUBACK arrives.</summary>
    public static Task<MqttClientPublishResult> PublishQos1Async(this IMqttClient client, string topic, byte[] payload, bool retain = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build());
    }
}
