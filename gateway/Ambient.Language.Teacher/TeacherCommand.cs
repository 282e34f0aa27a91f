using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Ambient.Language.Teacher;

/// <summary>
/// Writes the corpus (README §2): random facts → sheet → a validated teacher text, held-out prompts skipped,
/// external lines validated and mixed in, all shuffled with the seed; special-tokens.txt beside it; optionally the
/// held-out facts for the eval. Same arguments, same files.
/// </summary>
public static class TeacherCommand
{
    public const string SpecialTokensFile = "special-tokens.txt";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <returns>0 when written, 2 on bad arguments or unreadable input.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!TeacherOptions.TryParse(args, out var options, out var error))
        {
            stderr.WriteLine(error);
            stderr.WriteLine(TeacherOptions.Usage);
            return 2;
        }

        var started = Stopwatch.GetTimestamp();
        var random = new Random(options!.Seed);
        var lines = new List<string>(options.Count);
        var skippedHeldOut = 0;
        while (lines.Count < options.Count)
        {
            var facts = RandomFacts.Next(random);
            var sheet = FactSheets.From(facts);
            if (Holdout.IsHeldOut(sheet))
            {
                skippedHeldOut++;
                continue;
            }

            lines.Add(CorpusJson.Serialize(CorpusJson.Line(facts, sheet, TeacherGrammar.Sample(sheet, random))));
        }

        var generated = lines.Count;
        int mixed = 0, rejected = 0;
        if (options.Mix is { } mix)
        {
            if (!File.Exists(mix))
            {
                stderr.WriteLine($"--mix: {mix} does not exist");
                return 2;
            }

            var number = 0;
            foreach (var raw in File.ReadLines(mix))
            {
                number++;
                if (raw.Trim().Length == 0)
                {
                    continue;
                }

                if (CorpusJson.TryRead(raw, out var line, out var reason))
                {
                    lines.Add(CorpusJson.Serialize(line!));
                    mixed++;
                }
                else
                {
                    rejected++;
                    stderr.WriteLine($"{mix}:{number.ToString(CultureInfo.InvariantCulture)}: {reason}");
                }
            }
        }

        Shuffle(lines, random);
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.Out))!;
        Directory.CreateDirectory(directory);
        File.WriteAllText(options.Out, Lines(lines), Utf8);
        File.WriteAllText(Path.Combine(directory, SpecialTokensFile), Lines(SpecialTokens.All), Utf8);

        var heldOut = 0;
        if (options.HoldoutOut is { } holdoutPath)
        {
            heldOut = WriteHoldout(holdoutPath, options.HoldoutCount, options.Seed);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {lines.Count} lines to {options.Out}: {generated} generated, {mixed} mixed in, {rejected} external rejected, {skippedHeldOut} held-out prompts skipped"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {SpecialTokens.All.Count} special tokens to {Path.Combine(directory, SpecialTokensFile)}"));
        if (options.HoldoutOut is not null)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {heldOut} held-out lines to {options.HoldoutOut}"));
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"took {seconds:0.00} s"));
        return 0;
    }

    /// <summary>Held-out facts (with a reference teacher text), from their own stream so the corpus does not depend on them.</summary>
    private static int WriteHoldout(string path, int count, int seed)
    {
        var random = new Random(unchecked((seed * 7919) + 104729));
        var lines = new List<string>(count);
        for (var tries = 0; lines.Count < count && tries < count * 200; tries++)
        {
            var facts = RandomFacts.Next(random);
            var sheet = FactSheets.From(facts);
            if (Holdout.IsHeldOut(sheet))
            {
                lines.Add(CorpusJson.Serialize(CorpusJson.Line(facts, sheet, TeacherGrammar.Sample(sheet, random))));
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Lines(lines), Utf8);
        return lines.Count;
    }

    private static string Lines(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    private static void Shuffle(List<string> lines, Random random)
    {
        for (var i = lines.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (lines[i], lines[j]) = (lines[j], lines[i]);
        }
    }
}
