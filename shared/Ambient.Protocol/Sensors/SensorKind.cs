namespace Ambient.Protocol
{
    /// <summary>
    /// A reading's kind; its value is a scaled integer whose unit is in the name (see <see cref="SensorCatalog"/>).
    /// </summary>
    public enum SensorKind : byte
    {
        SoilMoisturePermille = 1,
        SoilRaw = 2,
        IlluminanceLux = 3,
        TemperatureCentiCelsius = 4,
        HumidityPermille = 5,
        BatteryMillivolts = 6,
        PressurePascal = 7,
        RssiDbm = 8,
    }
}
