using System.Collections.Concurrent;

namespace Ambient.Gateway.Broker;

/// <summary>Refused connections per reason, refused publishes/subscriptions per kind, and live connections.</summary>
public sealed class BrokerCounters
{
    private readonly ConcurrentDictionary<string, long> _rejectedConnections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _aclDenials = new(StringComparer.Ordinal);
    private int _connected;

    public int ConnectedClients => Volatile.Read(ref _connected);

    public IReadOnlyDictionary<string, long> RejectedConnections => new SortedDictionary<string, long>(_rejectedConnections, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> AclDenials => new SortedDictionary<string, long>(_aclDenials, StringComparer.Ordinal);

    public long RejectedConnectionCount(string reason) => _rejectedConnections.TryGetValue(reason, out var n) ? n : 0;

    public long AclDenialCount(string kind) => _aclDenials.TryGetValue(kind, out var n) ? n : 0;

    public void ConnectionRejected(string reason) => _rejectedConnections.AddOrUpdate(reason, 1, (_, n) => n + 1);

    public void AclDenied(string kind) => _aclDenials.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public void Connected() => Interlocked.Increment(ref _connected);

    public void Disconnected() => Interlocked.Decrement(ref _connected);
}
