namespace Ambient.Gateway.Sensors;

/// <summary>One reading of the gateway's own sensor, stamped with when it was taken so that nobody mistakes an old one for now.</summary>
public sealed record IndoorClimate(double Celsius, double HumidityPercent, double PressureHectopascals, DateTimeOffset At);
