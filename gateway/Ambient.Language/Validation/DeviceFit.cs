namespace Ambient.Language;

/// <summary>Whether a filled text fits its device; the magnet's word-wrap is the one the e-paper layout uses.</summary>
public static class DeviceFit
{
    /// <summary>
    /// Greedy word-wrap at <paramref name="width"/> characters (line breaks in the text are kept). Null when a single
    /// word is longer than a line, which the e-paper could only show cut.
    /// </summary>
    public static IReadOnlyList<string>? Wrap(string text, int width = DeviceLimits.MagnetLineChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (word.Length > width)
                {
                    return null;
                }

                if (line.Length == 0)
                {
                    line = word;
                }
                else if (line.Length + 1 + word.Length <= width)
                {
                    line += " " + word;
                }
                else
                {
                    lines.Add(line);
                    line = word;
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    public static bool Fits(string filledText, TargetDevice device)
    {
        ArgumentNullException.ThrowIfNull(filledText);
        if (filledText.Length > DeviceLimits.MaxChars(device))
        {
            return false;
        }

        return device != TargetDevice.Magnet || Wrap(filledText) is { Count: <= DeviceLimits.MagnetLines };
    }
}
