namespace Ambient.Gateway.Dashboard;

/// <summary>
/// GET /api/dashboard/plants/{device}/chart: columns aligned on <see cref="Times"/> (Unix seconds), as uPlot takes
/// them; null where a series has no value at that time. Moisture in %, light in lx, temperature in °C.
/// </summary>
public sealed record PlantChart(
    string Device,
    string? Plant,
    string Range,
    DateTimeOffset From,
    DateTimeOffset To,
    string Resolution,
    IReadOnlyList<long> Times,
    IReadOnlyList<double?> Moisture,
    IReadOnlyList<double?> Light,
    IReadOnlyList<double?> Temperature,
    IReadOnlyList<ChartWatering> Waterings);

/// <summary>A detected watering, marked on the chart.</summary>
public sealed record ChartWatering(long Time, double BeforePercent, double AfterPercent);
