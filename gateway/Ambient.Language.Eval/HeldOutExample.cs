using System.Text.Json;

namespace Ambient.Language.Eval;

/// <summary>Held-out facts with a teacher text for them (the text is what the val loss is measured on).</summary>
internal sealed record HeldOutExample(Facts Facts, FactSheet Sheet, string Prompt, string Text)
{
    /// <summary>The teacher's <c>--holdout</c> file: one corpus line (README §2) per example.</summary>
    public static List<HeldOutExample> Load(string path, int count)
    {
        var examples = new List<HeldOutExample>();
        foreach (var line in File.ReadLines(path))
        {
            if (examples.Count >= count)
            {
                break;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var facts = FactsJson.Parse(root.GetProperty("facts").GetRawText());
            var sheet = FactSheets.From(facts);
            var prompt = root.TryGetProperty("prompt", out var p) ? p.GetString() ?? sheet.Prompt : sheet.Prompt;
            var text = root.GetProperty("text").GetString() ?? throw new InvalidDataException($"{path}: a line without text");
            examples.Add(new HeldOutExample(facts, sheet, prompt, text));
        }

        return examples;
    }

    /// <summary>Without a file: the teacher's own random facts, kept only when <see cref="Holdout"/> says training never saw that prompt.</summary>
    public static List<HeldOutExample> Draw(int count, int seed)
    {
        var random = new Random(seed);
        var examples = new List<HeldOutExample>();
        for (var tries = 0; examples.Count < count && tries < count * 1000; tries++)
        {
            var facts = RandomFacts.Next(random);
            var sheet = FactSheets.From(facts);
            if (Holdout.IsHeldOut(sheet))
            {
                examples.Add(new HeldOutExample(facts, sheet, sheet.Prompt, TeacherGrammar.Sample(sheet, random)));
            }
        }

        return examples;
    }
}
