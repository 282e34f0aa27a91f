namespace Ambient.Language;

/// <summary>
/// Slot error counts for one text or a whole eval set, after small-model.md §2 (E2E slot_error.py) over
/// placeholders: <see cref="Added"/> slot tokens the facts do not have, <see cref="Missing"/> required slots not
/// written, <see cref="Repeated"/> extra mentions of a slot. There is no "wrong value": values are filled in by C#.
/// SER = (added + missing + repeated) / required slots.
/// </summary>
public readonly record struct SlotErrors(int Added, int Missing, int Repeated, int RequiredSlots, int Texts)
{
    public int Errors => Added + Missing + Repeated;

    public double Rate => RequiredSlots == 0 ? (Errors == 0 ? 0 : double.PositiveInfinity) : (double)Errors / RequiredSlots;

    /// <summary>Texts counted, and how many of them had no slot error (E2E's instance-level "OK").</summary>
    public int CleanTexts { get; init; }

    public static SlotErrors Count(string delexText, FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(delexText);
        ArgumentNullException.ThrowIfNull(sheet);
        int added = 0, repeated = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in SlotTokens.In(delexText))
        {
            if (!sheet.Has(token))
            {
                added++;
            }
            else if (!seen.Add(token))
            {
                repeated++;
            }
        }

        var missing = sheet.RequiredSlots.Count(s => !seen.Contains(s));
        var clean = added + missing + repeated == 0 ? 1 : 0;
        return new SlotErrors(added, missing, repeated, sheet.RequiredSlots.Count, 1) { CleanTexts = clean };
    }

    public static SlotErrors operator +(SlotErrors a, SlotErrors b) =>
        new(a.Added + b.Added, a.Missing + b.Missing, a.Repeated + b.Repeated, a.RequiredSlots + b.RequiredSlots, a.Texts + b.Texts)
        {
            CleanTexts = a.CleanTexts + b.CleanTexts,
        };

    public SlotErrors Add(SlotErrors other) => this + other;
}
