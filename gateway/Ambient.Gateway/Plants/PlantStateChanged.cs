using Ambient.Protocol;

namespace Ambient.Gateway.Plants;

/// <summary>
/// A pot's shown condition changed. <see cref="Message"/> is the downlink for ambient/v1/{DeviceId}/down/plant.
/// </summary>
public sealed record PlantStateChanged(
    PotConfig Pot,
    PlantCondition Previous,
    PlantState Current,
    PlantSummary Summary,
    PlantStateMessage Message);
