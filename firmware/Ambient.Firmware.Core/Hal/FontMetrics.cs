namespace Ambient.Firmware.Hal
{
    /// <summary>Cell sizes of the fixed-width fonts in pixels (8×16 and 12×24 bitmap fonts).</summary>
    public static class FontMetrics
    {
        public static int CharWidth(DisplayFont font)
        {
            return font == DisplayFont.Large ? 12 : 8;
        }

        public static int LineHeight(DisplayFont font)
        {
            return font == DisplayFont.Large ? 24 : 16;
        }
    }
}
