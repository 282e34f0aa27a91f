using Ambient.Protocol;

namespace Ambient.Gateway.Plants;

/// <summary>What a greeting needs to know about a plant: facts only, the language model phrases them.</summary>
public sealed record PlantSummary(
    string DeviceId,
    string PlantName,
    string SpeciesName,
    PlantCondition Condition,
    int? MoisturePercent,
    int? DaysUntilDry,
    DateTimeOffset? LastWatered);
