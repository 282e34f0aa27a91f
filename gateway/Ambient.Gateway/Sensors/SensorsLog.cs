namespace Ambient.Gateway.Sensors;

/// <summary>Sensors log messages; event ids 3600–3699.</summary>
internal static partial class SensorsLog
{
    [LoggerMessage(3600, LogLevel.Information, "Indoor sensor enabled: BME280 on I2C bus {BusId} at address 0x{Address:X2}, read every {Interval}")]
    public static partial void Enabled(ILogger logger, int busId, int address, TimeSpan interval);

    [LoggerMessage(3601, LogLevel.Debug, "Indoor sensor read: {Celsius:F1} °C, {Humidity:F0}% RH, {Pressure:F1} hPa")]
    public static partial void Read(ILogger logger, double celsius, double humidity, double pressure);

    [LoggerMessage(3602, LogLevel.Warning, "Indoor sensor (BME280 on I2C bus {BusId} at address 0x{Address:X2}) could not be read ({Failures} failures so far); greetings leave out the indoor temperature until a read succeeds: {Reason}")]
    public static partial void ReadFailed(ILogger logger, int busId, int address, int failures, string reason);
}
