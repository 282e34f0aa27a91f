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
    IReadOnlyDictionary<string, long> AclDenials,
    WeatherHealth? Weather = null);

/// <summary>The forecast the gateway would use now: whether it has one, whether it is stale, and why.</summary>
public sealed record WeatherHealth(bool Available, bool Stale, double? AgeMinutes, string? LastError);
