using Ambient.Protocol;

namespace Ambient.Gateway.Broker;

/// <summary>Sends a frame to a device on one of its down channels, whichever broker mode is configured.</summary>
public interface IDownlinkPublisher
{
    Task PublishAsync(string deviceId, Channel channel, byte[] frame, bool retain, CancellationToken cancellationToken);

    /// <summary>Removes the retained message of a device's down channel (the device has seen it).</summary>
    Task ClearRetainedAsync(string deviceId, Channel channel, CancellationToken cancellationToken);
}
