namespace Ambient.Language;

/// <summary>
/// The teacher: writes delexicalised texts for a sheet to the style guide, many phrasings per intent and fact
/// combination. Every text it returns has passed <see cref="TextValidator"/>. The template uses the same grammar
/// with fixed choices (<see cref="TemplateText"/>).
/// </summary>
public static class TeacherGrammar
{
    private const int Attempts = 24;

    // How much optional content to add, per device: the magnet is small, the dashboard has room.
    private static readonly Dictionary<TargetDevice, double[]> DetailWeights = new()
    {
        [TargetDevice.Magnet] = [0.3, 0.35, 0.25, 0.1],
        [TargetDevice.Earbud] = [0.25, 0.4, 0.25, 0.1],
        [TargetDevice.Dashboard] = [0.05, 0.25, 0.35, 0.35],
    };

    /// <summary>One random validated text. Falls back to the template's text when no sample fits (rare: long values on the magnet).</summary>
    public static string Sample(FactSheet sheet, Random random)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(random);
        var chooser = Chooser.Seeded(random);
        var detail = PickDetail(sheet, random);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var text = new TextComposer(sheet, chooser, detail).Compose();
            if (TextValidator.IsValid(text, sheet))
            {
                return text;
            }

            // Too long is the usual reason: say less next time.
            if (attempt % 3 == 2 && detail > 0)
            {
                detail--;
            }
        }

        return TemplateText(sheet, []);
    }

    /// <summary>
    /// The template's text: the grammar's first choice everywhere, as much detail as fits, and the first opening that
    /// did not start one of <paramref name="recentTexts"/> (newest first; when all did, the one used longest ago).
    /// Always valid for sheets made by <see cref="FactSheets.From"/>; see <see cref="MinimalText"/>.
    /// </summary>
    public static string TemplateText(FactSheet sheet, IReadOnlyList<string> recentTexts)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(recentTexts);
        // The preferred opening with less detail beats a less preferred (or recently used) one with more.
        foreach (var opening in OpeningOrder(sheet, recentTexts))
        {
            for (var detail = TextComposer.MaxDetail; detail >= 0; detail--)
            {
                var text = new TextComposer(sheet, Chooser.First, detail, opening).Compose();
                if (TextValidator.IsValid(text, sheet))
                {
                    return text;
                }
            }
        }

        return MinimalText(sheet);
    }

    /// <summary>
    /// The last resort: the required slots, plainly, one sentence. Values are cut by <see cref="FactSheets"/> so
    /// this fits every device.
    /// </summary>
    public static string MinimalText(FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var slots = sheet.RequiredSlots;
        if (slots.Count == 0)
        {
            return "Hello.";
        }

        // A plant gets its mood's first word ("<plant1_name> thirsty"): a bare name would leave its state unsaid.
        var parts = string.Join(", ", slots.Select(slot => PlantMoodCheck.PlantName().Match(slot) is { Success: true } m
            && m.Groups[1].Value[0] - '0' is var n && n <= sheet.PlantMoods.Count
            ? $"{slot} {PlantMoodCheck.WordsOf(sheet.PlantMoods[n - 1])[0]}"
            : slot));
        return slots[0] == SlotNames.Name ? $"Hi {parts}." : $"Update: {parts}.";
    }

    /// <summary>Opening indices, preferred first: unused recently, then used longest ago.</summary>
    private static List<int> OpeningOrder(FactSheet sheet, IReadOnlyList<string> recentTexts)
    {
        var openings = TextComposer.Openings(sheet);
        if (openings.Count == 0)
        {
            return [-1];
        }

        int LastUse(int index)
        {
            // Compare on the opening's words without its end mark, so "Morning, Ana." also matches "Morning, Ana, it's…".
            var start = SlotFiller.Fill(openings[index], sheet).TrimEnd('.', '!', '?', ':');
            for (var i = 0; i < recentTexts.Count; i++)
            {
                if (recentTexts[i].StartsWith(start, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return int.MaxValue;
        }

        return [.. Enumerable.Range(0, openings.Count).OrderByDescending(LastUse)];
    }

    private static int PickDetail(FactSheet sheet, Random random)
    {
        var weights = DetailWeights[sheet.Device];
        var r = random.NextDouble();
        var detail = 0;
        var cumulative = weights[0];
        while (detail < weights.Length - 1 && r >= cumulative)
        {
            detail++;
            cumulative += weights[detail];
        }

        return sheet.Persona == Persona.Brief ? Math.Max(0, detail - 1) : detail;
    }
}
