using Ambient.Protocol;

namespace Ambient.Gateway.Greetings;

/// <summary>
/// Puts a written text (at most 4 × 30 characters, checked by the writer) into the display message the magnet lays
/// out (firmware MagnetLayout). A greeting's first sentence becomes the <see cref="LayoutHint.Greeting"/> section,
/// which the magnet sets large when it fits two large lines, and the rest one small-font section after it; a plant
/// report or a reminder is one section with its own hint. Splitting only at sentence ends keeps every word in order.
/// </summary>
public static class MagnetDisplay
{
    public static DisplayMessage Greeting(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (first, rest) = FirstSentence(text.Trim());
        DisplaySection[] sections = rest.Length == 0
            ? [new DisplaySection(LayoutHint.Greeting, first)]
            : [new DisplaySection(LayoutHint.Greeting, first), new DisplaySection(LayoutHint.Plain, rest)];
        return new DisplayMessage { Sections = sections };
    }

    /// <summary>A notice (plant report, reminder) in one section; a full refresh, as it replaces whatever was shown.</summary>
    public static DisplayMessage Notice(string text, LayoutHint hint)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new DisplayMessage { FullRefresh = true, Sections = [new DisplaySection(hint, text.Trim())] };
    }

    /// <summary>The text as the feed and the memory show a display message: sections joined by " | ".</summary>
    public static string Flatten(DisplayMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return string.Join(" | ", message.Sections.Select(s => s.Text));
    }

    private static (string First, string Others) FirstSentence(string text)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] is '.' or '!' or '?' && text[i + 1] == ' ')
            {
                return (text[..(i + 1)], text[(i + 2)..].TrimStart());
            }
        }

        return (text, "");
    }
}
