using System.Text.Json;
using Ambient.Language.Teacher;

namespace Ambient.Language.Tests.Teacher;

public sealed class TeacherCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("teacher-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = TeacherCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Writes_the_corpus_special_tokens_and_held_out_facts()
    {
        var corpus = Path.Combine(directory, "out", "corpus.jsonl");
        var holdout = Path.Combine(directory, "holdout.jsonl");
        var (code, output, _) = Run("--count", "400", "--seed", "3", "--out", corpus, "--holdout", holdout, "--holdout-count", "30");

        Assert.Equal(0, code);
        Assert.Contains("wrote 400 lines", output, StringComparison.Ordinal);
        var lines = File.ReadAllLines(corpus);
        Assert.Equal(400, lines.Length);
        foreach (var line in lines)
        {
            Assert.True(CorpusJson.TryRead(line, out var read, out var reason), reason);
            using var doc = JsonDocument.Parse(line);
            Assert.Equal(["intent", "facts", "prompt", "text"], doc.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.StartsWith("<intent:", read!.Prompt, StringComparison.Ordinal);
        }

        Assert.Equal(SpecialTokens.All, File.ReadAllLines(Path.Combine(directory, "out", TeacherCommand.SpecialTokensFile)));
        var held = File.ReadAllLines(holdout);
        Assert.Equal(30, held.Length);
        foreach (var line in held)
        {
            var facts = FactsJson.Parse(JsonDocument.Parse(line).RootElement.GetProperty("facts").GetRawText());
            Assert.True(Holdout.IsHeldOut(FactSheets.From(facts)));
        }

        var trainingPrompts = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("prompt").GetString()).ToHashSet();
        Assert.DoesNotContain(held.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("prompt").GetString()), trainingPrompts.Contains);
    }

    [Fact]
    public void Same_seed_same_file()
    {
        var a = Path.Combine(directory, "a.jsonl");
        var b = Path.Combine(directory, "b.jsonl");
        Run("--count", "200", "--seed", "9", "--out", a);
        Run("--count", "200", "--seed", "9", "--out", b);
        Assert.Equal(File.ReadAllText(a), File.ReadAllText(b));
    }

    [Fact]
    public void External_lines_are_validated_and_bad_ones_reported_with_line_number()
    {
        var source = Path.Combine(directory, "source.jsonl");
        Run("--count", "3", "--seed", "4", "--out", source);
        var good = File.ReadAllLines(source);
        var badText = good[0].Replace("\"text\":\"", "\"text\":\"At 9 sharp. ", StringComparison.Ordinal);
        var external = Path.Combine(directory, "external.jsonl");
        File.WriteAllLines(external, [good[1], "{not json", "", badText, good[2].Replace("\"prompt\":\"<intent:", "\"prompt\":\"<dev:magnet> <intent:", StringComparison.Ordinal)]);

        var corpus = Path.Combine(directory, "corpus.jsonl");
        var (code, output, errors) = Run("--count", "10", "--seed", "5", "--out", corpus, "--mix", external);

        Assert.Equal(0, code);
        Assert.Contains("1 mixed in, 3 external rejected", output, StringComparison.Ordinal);
        Assert.Contains("external.jsonl:2: not valid JSON", errors, StringComparison.Ordinal);
        Assert.Contains($"external.jsonl:4: text: {Problems.Digits}", errors, StringComparison.Ordinal);
        Assert.Contains("external.jsonl:5: prompt: does not match", errors, StringComparison.Ordinal);
        var lines = File.ReadAllLines(corpus);
        Assert.Equal(11, lines.Length);
        Assert.Contains(good[1], lines);
    }

    [Theory]
    [InlineData("--seed", "1")]
    [InlineData("--count", "ten", "--out", "x.jsonl")]
    [InlineData("--count", "10", "--out", "x.jsonl", "--colour", "red")]
    [InlineData("--count", "10", "--out", "x.jsonl", "--mix", "/nonexistent/file.jsonl")]
    public void Bad_arguments_exit_with_two_and_say_why(params string[] args)
    {
        var (code, _, errors) = Run([.. args.Select(a => a == "x.jsonl" ? Path.Combine(directory, a) : a)]);
        Assert.Equal(2, code);
        Assert.Contains("--", errors, StringComparison.Ordinal);
    }
}
