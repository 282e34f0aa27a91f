namespace Ambient.Gateway.Telemetry;

/// <summary>The body of <c>GET /api/telemetry</c>; <see cref="Truncated"/> when more readings matched than were returned.</summary>
public sealed record TelemetryResponse(string Device, DateTimeOffset From, DateTimeOffset To, bool Truncated, IReadOnlyList<StoredReading> Readings);
