namespace Ambient.Gateway.Telemetry;

/// <summary>
/// What a Hello changes: the device's kind, firmware and capabilities, and the boot clock
/// (<see cref="BootEpoch"/> = receive time − uptime, the UTC second of power-on for this boot id).
/// </summary>
public sealed record HelloUpdate(string Kind, string Firmware, int Capabilities, ushort Boot, long BootEpoch);
