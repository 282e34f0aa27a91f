namespace Ambient.Firmware.Esp32
{
    /// <summary>
    /// Where the devices keep what must outlive deep sleep and power loss on the internal littlefs drive (I:). The
    /// ring buffer is 8 sectors of 4 KB: about 100 samples a sector, so a week and more of planter readings survive an
    /// outage of the gateway.
    /// </summary>
    public static class InternalStorage
    {
        public const string SettingsPrefix = "I:\\set-";
        public const string RingPrefix = "I:\\ring-";
        public const int RingSectorSize = 4096;
        public const int RingSectorCount = 8;
    }
}
