using System.Globalization;

namespace Ambient.Language.Teacher;

/// <summary>The command line: --count N --seed S --out FILE [--mix FILE] [--holdout FILE --holdout-count M].</summary>
public sealed record TeacherOptions(int Count, int Seed, string Out, string? Mix, string? HoldoutOut, int HoldoutCount)
{
    public const string Usage =
        "usage: Ambient.Language.Teacher --count N --seed S --out FILE [--mix external.jsonl] [--holdout FILE --holdout-count M]";

    public static bool TryParse(IReadOnlyList<string> args, out TeacherOptions? options, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        options = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                error = $"{args[i]}: expected --name value";
                return false;
            }

            values[args[i]] = args[++i];
        }

        foreach (var key in values.Keys)
        {
            if (key is not ("--count" or "--seed" or "--out" or "--mix" or "--holdout" or "--holdout-count"))
            {
                error = $"{key}: unknown option";
                return false;
            }
        }

        if (!Int(values, "--count", null, out var count, out error) || !Int(values, "--seed", 1, out var seed, out error)
            || !Int(values, "--holdout-count", 500, out var holdoutCount, out error))
        {
            return false;
        }

        if (!values.TryGetValue("--out", out var output))
        {
            error = "--out: required";
            return false;
        }

        options = new TeacherOptions(count, seed, output, values.GetValueOrDefault("--mix"), values.GetValueOrDefault("--holdout"), holdoutCount);
        error = null;
        return true;
    }

    private static bool Int(Dictionary<string, string> values, string key, int? fallback, out int value, out string? error)
    {
        error = null;
        if (!values.TryGetValue(key, out var text))
        {
            value = fallback ?? 0;
            error = fallback is null ? $"{key}: required" : null;
            return fallback is not null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) || value < 0)
        {
            error = $"{key}: \"{text}\" is not a non-negative integer";
            return false;
        }

        return true;
    }
}
