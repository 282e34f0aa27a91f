namespace Ambient.Language;

/// <summary>The part of the day an opening is written for (the same cut-offs as the gateway's old template).</summary>
public enum PartOfDay
{
    Night,
    Morning,
    Afternoon,
    Evening,
}

public static class PartsOfDay
{
    public static PartOfDay Of(DateTimeOffset localTime) => localTime.Hour switch
    {
        < 5 => PartOfDay.Night,
        < 12 => PartOfDay.Morning,
        < 18 => PartOfDay.Afternoon,
        _ => PartOfDay.Evening,
    };
}
