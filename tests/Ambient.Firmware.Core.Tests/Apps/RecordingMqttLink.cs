using Ambient.Firmware.Hal;
using Ambient.Protocol;

namespace Ambient.Firmware.Core.Tests.Apps;

/// <summary>The MQTT link at its HAL boundary: records what the app publishes and hands it queued downlinks.</summary>
internal sealed class RecordingMqttLink : IMqttLink
{
    public bool Accepts { get; set; } = true;

    public bool AcksPublishes { get; set; } = true;

    public int Connects { get; private set; }

    public List<(string Topic, byte[] Payload, bool Retain)> Published { get; } = [];

    public Queue<MqttDelivery> Downlinks { get; } = new();

    public bool IsConnected { get; private set; }

    public IEnumerable<T> Sent<T>()
        where T : Message =>
        Published.Where(p => !p.Topic.EndsWith("/status", StringComparison.Ordinal))
            .Select(p => FrameDecoder.Decode(p.Payload).Message).OfType<T>();

    public bool Connect(string clientId, string username, string password, string willTopic, byte[] willPayload, int timeoutMilliseconds)
    {
        Connects++;
        IsConnected = Accepts;
        return Accepts;
    }

    public bool Publish(string topic, byte[] payload, int offset, int count, bool retain, int timeoutMilliseconds)
    {
        if (!IsConnected)
        {
            return false;
        }

        Published.Add((topic, payload.AsSpan(offset, count).ToArray(), retain));
        return AcksPublishes;
    }

    public bool Subscribe(string topicFilter, int timeoutMilliseconds) => IsConnected;

    public MqttDelivery? Receive(int timeoutMilliseconds) => Downlinks.Count > 0 ? Downlinks.Dequeue() : null;

    public void Disconnect() => IsConnected = false;

    public void Queue(string deviceId, Channel channel, Message message) =>
        Downlinks.Enqueue(new MqttDelivery(Topics.For(deviceId, channel), FrameEncoder.Encode(message)));
}
