using System.Collections.Concurrent;
using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Simulator.Hardware;

/// <summary>The device's settings file: survives deep sleep and power cuts.</summary>
internal sealed class SimulatedSettings : ISettingsStore
{
    private readonly ConcurrentDictionary<string, int> _values = new(StringComparer.Ordinal);

    public int ReadInt(string key, int fallback) => _values.TryGetValue(key, out var value) ? value : fallback;

    public void WriteInt(string key, int value) => _values[key] = value;
}
