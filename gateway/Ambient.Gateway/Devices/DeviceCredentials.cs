namespace Ambient.Gateway.Devices;

/// <summary>What CONNECT validation needs from the registry.</summary>
public sealed record DeviceCredentials(string Id, string SecretHash, bool Revoked);
