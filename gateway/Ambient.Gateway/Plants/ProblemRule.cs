using Ambient.Protocol;

namespace Ambient.Gateway.Plants;

/// <summary>
/// One row of the problem table: when a problem starts (<see cref="Enters"/>) and while it lasts
/// (<see cref="Stays"/>, looser, which is the hysteresis). Each returns null when its input is unknown, and an
/// unknown input keeps the previous verdict: missing data is not evidence that a problem went away.
/// </summary>
internal sealed record ProblemRule(
    PlantProblems Problem,
    PlantCondition Condition,
    Func<PlantInputs, bool?> Enters,
    Func<PlantInputs, bool?> Stays);
