using System.Globalization;
using System.Text;

namespace Ambient.Language;

/// <summary>
/// How fact values are written into slots: invariant culture, short, and cut to a length that still lets the
/// required slots fit on the magnet (a 60-character event title would otherwise make every text too long).
/// </summary>
internal static class SlotFormat
{
    public const int NameChars = 20;
    public const int TitleChars = 24;
    public const int LocationChars = 20;
    public const int ConditionChars = 32;
    public const int PlantNameChars = 16;

    public static string Celsius(int celsius) => celsius.ToString(CultureInfo.InvariantCulture) + "°";

    public static string Percent(int percent) => percent.ToString(CultureInfo.InvariantCulture) + "%";

    public static string Time(DateTimeOffset time, bool use24Hour) => use24Hour
        ? time.ToString("H:mm", CultureInfo.InvariantCulture)
        : time.ToString("h:mm", CultureInfo.InvariantCulture) + (time.Hour < 12 ? " am" : " pm");

    public static string Days(int days) => days switch
    {
        <= 0 => "less than a day",
        1 => "1 day",
        _ => days.ToString(CultureInfo.InvariantCulture) + " days",
    };

    /// <summary>
    /// Collapses whitespace and control characters to single spaces and cuts to <paramref name="max"/> characters
    /// at a word boundary when there is one, ending with "…". Empty → null (the slot is then absent).
    /// </summary>
    public static string? Text(string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var clean = new StringBuilder(value.Length);
        foreach (var c in value.Trim())
        {
            var space = char.IsWhiteSpace(c) || char.IsControl(c);
            if (space && clean.Length > 0 && clean[^1] == ' ')
            {
                continue;
            }

            clean.Append(space ? ' ' : c);
        }

        var text = clean.ToString();
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text[..(max - 1)];
        if (char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        // Keep whole words when that loses at most half: "Video call with Grandpa…", not "Video call with Gran…".
        var lastSpace = cut.LastIndexOf(' ');
        if (text[cut.Length] != ' ' && lastSpace >= max / 2)
        {
            cut = cut[..lastSpace];
        }

        return cut.TrimEnd(' ', ',', '.', '-') + "…";
    }
}
