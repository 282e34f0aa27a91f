namespace Ambient.Language;

/// <summary>Delexicalised text → final text: every slot token the sheet has a value for is replaced by it.</summary>
public static class SlotFiller
{
    /// <summary>
    /// Replaces the slots in one pass (a value that itself looks like "&lt;x&gt;" is never expanded again). Tokens the
    /// sheet has no value for are left as written, so <see cref="TextValidator"/> can name them.
    /// </summary>
    public static string Fill(string delexText, FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(delexText);
        ArgumentNullException.ThrowIfNull(sheet);
        var filled = SlotTokens.Pattern().Replace(delexText, m => sheet.SlotValues.TryGetValue(m.Value, out var v) ? v : m.Value);

        // A value cut with "…" at the end of a sentence: "Quarterly planning…", not "Quarterly planning….".
        filled = filled.Replace("….", "…", StringComparison.Ordinal);

        // Names are kept as given ("basil"), but a text that opens with one still starts like a sentence.
        return filled.Length > 0 && char.IsLower(filled[0])
            ? string.Concat(char.ToUpperInvariant(filled[0]).ToString(), filled.AsSpan(1))
            : filled;
    }
}
