namespace Ambient.Hardware.Tests.Rules;

/// <summary>Compares the constants pins.json implies with those a firmware Pins class declares, both ways.</summary>
internal static class PinConstantsComparison
{
    public static IReadOnlyList<string> Compare(IReadOnlyDictionary<string, long> expected, IReadOnlyDictionary<string, long> declared)
    {
        var problems = new List<string>();
        foreach (var (name, value) in expected.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!declared.TryGetValue(name, out var actual))
            {
                problems.Add($"pins.json has {name} = {value} but the firmware declares no such constant");
            }
            else if (actual != value)
            {
                problems.Add($"{name}: pins.json says {value}, the firmware says {actual}");
            }
        }

        foreach (var name in declared.Keys.Where(k => !expected.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            problems.Add($"the firmware declares {name} but pins.json has no such entry");
        }

        return problems;
    }
}
