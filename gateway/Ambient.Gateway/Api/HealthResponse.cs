namespace Ambient.Gateway.Api;

/// <summary>The body of <c>GET /api/health</c>.</summary>
public sealed record HealthResponse(
    string Status,
    DateTimeOffset Time,
    string BrokerMode,
    int ConnectedDevices,
    double IngestFramesPerSecond,
    long AcceptedFrames,
    long StoredReadings,
    long DuplicateReadings,
    long ExpiredReadings,
    IReadOnlyDictionary<string, long> RejectedFrames,
    IReadOnlyDictionary<string, long> RejectedConnections,
    IReadOnlyDictionary<string, long> AclDenials);
