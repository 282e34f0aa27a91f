namespace Ambient.Language;

/// <summary>How values are written into slots. The defaults are the household defaults (24-hour clock).</summary>
public sealed record FactSheetOptions
{
    public static FactSheetOptions Default { get; } = new();

    /// <summary>"9:30" and "17:05" when true; "9:30 am" and "5:05 pm" when false.</summary>
    public bool Use24HourClock { get; init; } = true;
}
