namespace Ambient.Firmware.Simulator.Sensors;

/// <summary>
/// The indoor climate over a day: temperature swinging ±2 °C around its mean (warmest mid-afternoon), humidity
/// moving against it, and light from a window (daylight from 07:00 to 19:00, peaking at noon) plus lamps in the
/// evening. Deterministic per seed, with a little sensor noise.
/// </summary>
public sealed class Room(double meanCelsius, double windowPeakLux, int seed)
{
    private readonly Random _noise = new(seed);

    public (double Celsius, double Percent) Climate(DateTimeOffset at)
    {
        var hour = at.TimeOfDay.TotalHours;
        var swing = Math.Sin(2 * Math.PI * (hour - 9) / 24);
        return (meanCelsius + (2 * swing) + Noise(0.1), 48 - (6 * swing) + Noise(0.5));
    }

    public double Lux(DateTimeOffset at)
    {
        var hour = at.TimeOfDay.TotalHours;
        if (hour is >= 7 and <= 19)
        {
            return Math.Max(0, (windowPeakLux * Math.Sin(Math.PI * (hour - 7) / 12)) + Noise(windowPeakLux * 0.02));
        }

        return hour is > 19 and < 23 ? 150 + Noise(5) : 0.5;
    }

    private double Noise(double scale) => (_noise.NextDouble() - 0.5) * 2 * scale;
}
