using Ambient.Protocol;

namespace Ambient.Firmware.Device
{
    /// <summary>Settings-store keys of the values the gateway may push in a Config downlink (one row per key).</summary>
    public static class SettingKeys
    {
        private static readonly string[] Names = new string[]
        {
            null, "sample.interval", "upload.interval", "morning.start", "morning.end", "utc.offset",
            "soil.dry", "soil.wet", "moisture.alert", "voice.threshold", "quiet.start", "quiet.end",
        };

        public static string For(ConfigKey key)
        {
            int index = (int)key;
            return index > 0 && index < Names.Length ? Names[index] : null;
        }
    }
}
