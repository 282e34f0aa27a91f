namespace Ambient.Firmware.Hal
{
    /// <summary>Temperature and humidity (SHT3x on the planter, BME280 on the magnet) behind the real driver.</summary>
    public interface IClimateSensor
    {
        /// <summary>False when the sensor did not answer or its CRC failed; no stale value is returned.</summary>
        bool TryRead(out int centiCelsius, out int humidityPermille);
    }
}
