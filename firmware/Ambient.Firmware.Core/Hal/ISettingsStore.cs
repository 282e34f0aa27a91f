namespace Ambient.Firmware.Hal
{
    /// <summary>A few integers that must outlive deep sleep and power loss (boot id, calibration, intervals).</summary>
    public interface ISettingsStore
    {
        int ReadInt(string key, int fallback);

        void WriteInt(string key, int value);
    }
}
