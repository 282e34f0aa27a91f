using System.Collections.Concurrent;
using System.Net;
using Ambient.Gateway.Telemetry;
using MQTTnet.Adapter;

namespace Ambient.Gateway.Broker;

/// <summary>
/// The open connections of the embedded broker by remote endpoint (unique per TCP connection), so that an
/// interceptor, which MQTTnet hands only the endpoint, can reach the connection's own channel to send a PUBACK.
/// </summary>
internal sealed class BrokerConnections(int capacity, FrameIngestor ingestor, TimeSpan sendTimeout, ILogger logger)
{
    private readonly ConcurrentDictionary<EndPoint, PublishPipeline> _open = new();

    /// <summary>How many PUBACKs one connection may have outstanding (and so hold back for one write).</summary>
    public int Capacity => capacity;

    public PublishPipeline Open(EndPoint remote, IMqttChannelAdapter adapter, PubAckCoalescer writes)
    {
        var pipeline = new PublishPipeline(adapter, writes, capacity, ingestor, sendTimeout, logger);
        _open[remote] = pipeline;
        return pipeline;
    }

    public void Close(EndPoint remote) => _open.TryRemove(remote, out _);

    public PublishPipeline? Find(EndPoint? remote) => remote is not null && _open.TryGetValue(remote, out var p) ? p : null;
}
