namespace Ambient.Firmware.Apps
{
    /// <summary>Announced in Hello; bump with every release flashed to devices.</summary>
    public static class FirmwareVersion
    {
        public const byte Major = 1;
        public const byte Minor = 0;
        public const ushort Patch = 0;
    }
}
