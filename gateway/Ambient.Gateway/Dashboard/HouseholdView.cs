using Ambient.Gateway.Devices;
using Ambient.Gateway.Plants;

namespace Ambient.Gateway.Dashboard;

/// <summary>GET /api/dashboard/household: the devices, the plants and the weather, for the first screen.</summary>
public sealed record HouseholdView(
    DateTimeOffset Now,
    IReadOnlyList<DeviceRecord> Devices,
    IReadOnlyList<PlantView> Plants,
    WeatherView? Weather);

/// <summary>The forecast in use and where it is for (the location it was fetched for is the current setting).</summary>
public sealed record WeatherView(
    double TemperatureCelsius,
    double HighCelsius,
    double LowCelsius,
    string Condition,
    DateTimeOffset FetchedAt,
    bool Stale,
    string? LastError,
    double Latitude,
    double Longitude);
