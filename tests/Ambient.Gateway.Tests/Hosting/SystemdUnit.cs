namespace Ambient.Gateway.Tests.Hosting;

/// <summary>A systemd unit file as (section, key) → values, in file order; keys may repeat (Environment=).</summary>
internal sealed class SystemdUnit
{
    private readonly Dictionary<(string Section, string Key), List<string>> _entries = [];

    private SystemdUnit()
    {
    }

    public static SystemdUnit Parse(string text)
    {
        var unit = new SystemdUnit();
        var section = string.Empty;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                section = line.Trim('[', ']');
                continue;
            }

            var at = line.IndexOf('=', StringComparison.Ordinal);
            Assert.True(at > 0, $"not a key=value line: {line}");
            var key = (section, line[..at].Trim());
            if (!unit._entries.TryGetValue(key, out var values))
            {
                unit._entries[key] = values = [];
            }

            values.Add(line[(at + 1)..].Trim());
        }

        return unit;
    }

    /// <summary>The single value of <paramref name="key"/> in <paramref name="section"/>; fails the test when it is missing or repeated.</summary>
    public string Single(string section, string key) =>
        _entries.TryGetValue((section, key), out var values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"[{section}] has no {key}=");

    public IReadOnlyList<string> All(string section, string key) =>
        _entries.TryGetValue((section, key), out var values) ? values : [];
}
