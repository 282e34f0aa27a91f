namespace Ambient.Protocol
{
    /// <summary>
    /// The sensor table. Ranges are the physical limits of the parts in hardware/*/bom.md, so a value outside
    /// them is a corrupt frame, not weather.
    /// </summary>
    public static class SensorCatalog
    {
        private static readonly SensorDescriptor[] Table = new SensorDescriptor[]
        {
            // Calibrated soil moisture: 0 = the pot's dry reading, 1000 = its wet reading (per-pot calibration).
            new SensorDescriptor(SensorKind.SoilMoisturePermille, "soil_moisture", "%", 10, 0, 1000),
            // Raw ADC counts of the capacitive probe (12-bit ESP32 ADC), kept for re-calibration on the gateway.
            new SensorDescriptor(SensorKind.SoilRaw, "soil_raw", "", 1, 0, 4095),
            // BH1750: 0..65535 lx at its highest range; sunlight can exceed it, the driver saturates.
            new SensorDescriptor(SensorKind.IlluminanceLux, "illuminance", "lx", 1, 0, 200000),
            // SHT3x / BME280 operating range -40..125 °C.
            new SensorDescriptor(SensorKind.TemperatureCentiCelsius, "temperature", "°C", 100, -4000, 12500),
            new SensorDescriptor(SensorKind.HumidityPermille, "humidity", "%", 10, 0, 1000),
            new SensorDescriptor(SensorKind.BatteryMillivolts, "battery_voltage", "mV", 1, 0, 6000),
            // BME280: 300..1100 hPa.
            new SensorDescriptor(SensorKind.PressurePascal, "pressure", "Pa", 1, 30000, 110000),
            new SensorDescriptor(SensorKind.RssiDbm, "rssi", "dBm", 1, -127, 0),
        };

        public static int Count
        {
            get { return Table.Length; }
        }

        public static SensorDescriptor At(int index)
        {
            return Table[index];
        }

        /// <summary>The descriptor for <paramref name="kind"/>, or null when the kind is not defined.</summary>
        public static SensorDescriptor Find(SensorKind kind)
        {
            for (int i = 0; i < Table.Length; i++)
            {
                if (Table[i].Kind == kind)
                {
                    return Table[i];
                }
            }

            return null;
        }
    }
}
