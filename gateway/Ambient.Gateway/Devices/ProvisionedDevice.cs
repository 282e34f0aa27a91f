namespace Ambient.Gateway.Devices;

/// <summary>A newly added device and its secret, which exists in clear text only in this object.</summary>
public sealed record ProvisionedDevice(DeviceRecord Device, string Secret);
