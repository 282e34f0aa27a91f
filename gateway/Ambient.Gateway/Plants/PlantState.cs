using Ambient.Protocol;

namespace Ambient.Gateway.Plants;

/// <summary>The engine's verdict on a pot at <see cref="EvaluatedAt"/>; the previous one is the hysteresis memory.</summary>
public sealed record PlantState(
    PlantCondition Condition,
    PlantProblems Problems,
    double? MoisturePercent,
    double? DaysUntilDry,
    DateTimeOffset? LastWatered,
    DateTimeOffset EvaluatedAt)
{
    public static PlantState Unknown(DateTimeOffset at) => new(PlantCondition.Unknown, PlantProblems.None, null, null, null, at);

    /// <summary>The downlink for the planter's indicator (protocol "Plant state", 0x11).</summary>
    public PlantStateMessage ToMessage() => new()
    {
        Condition = Condition,
        MoisturePermille = MoisturePercent is { } percent
            ? (ushort)Math.Clamp(Math.Round(percent * 10), 0, 1000)
            : PlantStateMessage.UnknownMoisture,
        // 0xFF means unknown on the wire, so a known value saturates at 254 days.
        DaysUntilDry = DaysUntilDry is { } days
            ? (byte)Math.Clamp(Math.Floor(days), 0, 254)
            : PlantStateMessage.UnknownDays,
    };
}
