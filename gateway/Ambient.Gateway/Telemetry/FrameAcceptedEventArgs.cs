using Ambient.Protocol;

namespace Ambient.Gateway.Telemetry;

/// <summary>A frame that is committed (and about to be acknowledged), for capabilities that react to it.</summary>
public sealed class FrameAcceptedEventArgs(string deviceId, Message message, DateTimeOffset receivedAt)
{
    public string DeviceId { get; } = deviceId;

    public Message Message { get; } = message;

    public DateTimeOffset ReceivedAt { get; } = receivedAt;
}
