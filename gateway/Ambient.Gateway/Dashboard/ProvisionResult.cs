using Ambient.Gateway.Devices;

namespace Ambient.Gateway.Dashboard;

/// <summary>
/// The answer to provisioning: the secret in clear text exists only in this response (the registry keeps its hash),
/// with the broker address, the mqtt:// URI the `devices add` command prints, and that URI as a QR code (SVG).
/// </summary>
public sealed record ProvisionResult(DeviceRecord Device, string Secret, string BrokerHost, int BrokerPort, string Uri, string QrSvg);
