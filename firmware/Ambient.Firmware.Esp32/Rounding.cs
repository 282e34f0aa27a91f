namespace Ambient.Firmware.Esp32
{
    /// <summary>Scales a driver's double to the HAL's integers, rounding half away from zero (no System.Math needed).</summary>
    internal static class Rounding
    {
        public static int Scaled(double value, int factor)
        {
            double scaled = value * factor;
            return (int)(scaled >= 0 ? scaled + 0.5 : scaled - 0.5);
        }
    }
}
