namespace Ambient.Language;

/// <summary>A pot's state as the plant capability judged it (same set as the wire protocol's PlantCondition, minus Unknown).</summary>
public enum PlantMood
{
    Ok,
    Thirsty,
    Soggy,
    TooDark,
    TooCold,
    TooHot,
}
