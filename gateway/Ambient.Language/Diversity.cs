namespace Ambient.Language;

/// <summary>
/// How varied a set of texts is. Shared by the eval CLI and the teacher's tests so both measure the same thing.
/// </summary>
public static class Diversity
{
    /// <summary>Distinct word bigrams over all bigrams of the texts (Li et al. 2016), lower-cased.</summary>
    public static double Distinct2(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var all = 0;
        var unique = new HashSet<(string, string)>();
        foreach (var text in texts)
        {
            var words = text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i + 1 < words.Length; i++)
            {
                unique.Add((words[i], words[i + 1]));
                all++;
            }
        }

        return all == 0 ? 0 : (double)unique.Count / all;
    }
}
