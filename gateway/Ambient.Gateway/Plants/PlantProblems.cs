namespace Ambient.Gateway.Plants;

/// <summary>
/// Every condition currently active, kept apart from the single condition shown, because each has its own
/// hysteresis: a pot can be thirsty and too dark at once, and leaving one must not reset the other.
/// </summary>
[Flags]
public enum PlantProblems
{
    None = 0,
    Thirsty = 1,
    Soggy = 2,
    TooDark = 4,
    TooCold = 8,
    TooHot = 16,
}
