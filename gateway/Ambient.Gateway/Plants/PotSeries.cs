namespace Ambient.Gateway.Plants;

/// <summary>The three histories the engine reads.</summary>
internal enum PotSeries
{
    Moisture,
    Lux,
    Temperature,
}
