using Ambient.Protocol;

namespace Ambient.Gateway.Telemetry;

/// <summary>
/// One reading on its way to SQLite. <see cref="DeviceTime"/> is Unix seconds, or seconds since power-on when
/// <see cref="Unsynced"/>; the writer maps the latter through the boot clock inside its transaction, so a Hello
/// queued just before is already visible.
/// </summary>
public readonly record struct ReadingRow(ushort Boot, uint Sequence, SensorKind Kind, int Value, uint DeviceTime, bool Unsynced);
