namespace Ambient.Firmware.Hal
{
    /// <summary>The panel's bitmap fonts, fixed width: metrics are in <see cref="FontMetrics"/>.</summary>
    public enum DisplayFont : byte
    {
        Small = 0,
        Large = 1,
    }
}
