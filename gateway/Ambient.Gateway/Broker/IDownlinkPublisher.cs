using Ambient.Protocol;

namespace Ambient.Gateway.Broker;

/// <summary>Sends a frame to a device on one of its down channels, whichever broker mode is configured.</summary>
public interface IDownlinkPublisher
{
    Task PublishAsync(string deviceId, Channel channel, byte[] frame, bool retain, CancellationToken cancellationToken);
}
