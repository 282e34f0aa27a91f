using Ambient.Protocol;

namespace Ambient.Gateway.Tests.Support;

/// <summary>Real frames from the protocol library's encoder.</summary>
public static class Frames
{
    public static byte[] Telemetry(ushort boot, uint sequence, uint timestamp, FrameFlags flags = FrameFlags.None, params (uint Offset, SensorKind Kind, int Value)[] samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var offsets = samples.Select(s => s.Offset).Distinct().Order().ToArray();
        var readings = samples
            .Select(s => new Reading((byte)Array.IndexOf(offsets, s.Offset), s.Kind, s.Value))
            .OrderBy(r => r.Sample)
            .ToArray();
        return FrameEncoder.Encode(new TelemetryMessage
        {
            Flags = flags,
            BootId = boot,
            Sequence = sequence,
            Timestamp = timestamp,
            SampleOffsets = offsets,
            Readings = readings,
        });
    }

    /// <summary>One sample with a temperature reading.</summary>
    public static byte[] Temperature(ushort boot, uint sequence, uint timestamp, int centiCelsius, FrameFlags flags = FrameFlags.None) =>
        Telemetry(boot, sequence, timestamp, flags, (0, SensorKind.TemperatureCentiCelsius, centiCelsius));

    public static byte[] Hello(ushort boot, uint uptimeSeconds, DeviceKind kind = DeviceKind.Planter, byte major = 1, byte minor = 2, ushort patch = 3) =>
        FrameEncoder.Encode(new HelloMessage
        {
            Flags = FrameFlags.TimeUnsynced,
            BootId = boot,
            Sequence = 0,
            Timestamp = uptimeSeconds,
            Kind = kind,
            FirmwareMajor = major,
            FirmwareMinor = minor,
            FirmwarePatch = patch,
            Capabilities = Capabilities.SoilMoisture | Capabilities.Temperature,
            UptimeSeconds = uptimeSeconds,
            ResetReason = ResetReason.PowerOn,
        });
}
