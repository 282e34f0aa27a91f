namespace Ambient.Gateway.Plants;

/// <summary>One pot in GET /api/plants.</summary>
public sealed record PlantView(
    string DeviceId,
    string PlantName,
    string Species,
    string Condition,
    double? MoisturePercent,
    double? DaysUntilDry,
    DateTimeOffset? LastWatered,
    DateTimeOffset? EvaluatedAt);
