using System.Collections.Concurrent;
using System.Net;
using MQTTnet.Adapter;

namespace Ambient.Gateway.Broker;

/// <summary>
/// The open connections of the embedded broker by remote endpoint (unique per TCP connection), so that an
/// interceptor, which MQTTnet hands only the endpoint, can reach the connection's own channel to send a PUBACK.
/// </summary>
internal sealed class BrokerConnections(int capacity)
{
    private readonly ConcurrentDictionary<EndPoint, PublishPipeline> _open = new();

    public PublishPipeline Open(EndPoint remote, IMqttChannelAdapter adapter)
    {
        var pipeline = new PublishPipeline(adapter, capacity);
        _open[remote] = pipeline;
        return pipeline;
    }

    public void Close(EndPoint remote) => _open.TryRemove(remote, out _);

    public PublishPipeline? Find(EndPoint? remote) => remote is not null && _open.TryGetValue(remote, out var p) ? p : null;
}
