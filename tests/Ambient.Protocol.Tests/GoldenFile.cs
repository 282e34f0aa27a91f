namespace Ambient.Protocol.Tests;

/// <summary>Reads Golden/v1.golden: "name hex" per line, '#' comments.</summary>
internal static class GoldenFile
{
    public static IReadOnlyDictionary<string, byte[]> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", "v1.golden");
        var vectors = new Dictionary<string, byte[]>();
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            vectors.Add(line[..space], Convert.FromHexString(line[(space + 1)..].Replace(" ", "", StringComparison.Ordinal)));
        }

        return vectors;
    }
}
