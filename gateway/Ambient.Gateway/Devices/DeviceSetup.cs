using Ambient.Protocol;

namespace Ambient.Gateway.Devices;

/// <summary>
/// What a device is told when it says hello: the time with the household's UTC offset (so a device without SNTP
/// still stamps readings on the wall clock and a magnet knows when "morning" is), and a magnet's morning window.
/// Pure, so the offset across a daylight-saving change is tested without a broker.
/// </summary>
public static class DeviceSetup
{
    public static TimeMessage Time(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new TimeMessage
        {
            UnixSeconds = (uint)now.ToUnixTimeSeconds(),
            UtcOffsetMinutes = (short)zone.GetUtcOffset(now).TotalMinutes,
        };
    }

    public static ConfigMessage? Config(DeviceKind kind, TimeSpan morningStart, TimeSpan morningEnd) => kind switch
    {
        DeviceKind.FridgeMagnet => new ConfigMessage
        {
            Entries =
            [
                new ConfigEntry(ConfigKey.MorningWindowStartMinute, (int)morningStart.TotalMinutes),
                new ConfigEntry(ConfigKey.MorningWindowEndMinute, (int)morningEnd.TotalMinutes),
            ],
        },
        _ => null,
    };
}
