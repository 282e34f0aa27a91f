namespace Ambient.Gateway.Devices;

/// <summary>One row of the registry as the API and the CLI show it (never the secret hash).</summary>
public sealed record DeviceRecord(
    string Id,
    string Kind,
    DateTimeOffset Created,
    DateTimeOffset? Revoked,
    DateTimeOffset? LastSeen,
    string? Firmware,
    int? Capabilities,
    int? BatteryMillivolts,
    int? RssiDbm,
    bool Online);
