using System.Text.Json;
using Ambient.Language.Model;

namespace Ambient.Language.Tests.Model;

/// <summary>
/// README §3: C# and Python give identical ids for the whole corpus. The corpus is the teacher's (smoke.sh made it)
/// plus lines that stress the pre-splitting rule; Python's ids come from gateway/model/tokenize_corpus.py itself.
/// </summary>
[Collection(SmokeModelCollection.Name)]
public sealed class TokenizerParityTests(SmokeModelFixture smoke)
{
    internal static readonly string[] EdgeTexts =
    [
        "Good morning, <name>. It's <temp_now> — don't forget <event1_title> at <event1_time>!",
        "Don't  worry:\tit's fine.\n\nSee you   soon ",
        "  two leading spaces, trailing two  ",
        "<<name>> <name><temp_now> <has:name> <intent:morning> <unknown> <name",
        "café déjà vu, Zoë's plant 🌱 needs water… 😀",
        "rock'n'roll 'quoted' dogs' it''s ' a",
        "123abc 4.5 -7° 9:30am 100%",
        "a\r\nb \n c\v\fd",
        "!!! ?? ... ,,, ;-)",
        "",
        " ",
        "x",
    ];

    [Fact]
    public void Csharp_ids_equal_pythons_for_the_teacher_corpus_and_edge_cases()
    {
        smoke.EnsureBuilt();
        var tokenizer = BpeTokenizer.Load(smoke.PathOf("tokenizer.json"));
        var dir = Directory.CreateTempSubdirectory("ambient-parity-").FullName;
        try
        {
            var examples = File.ReadAllLines(smoke.PathOf("corpus.jsonl"))
                .Where(l => l.Length > 0)
                .Select(l => JsonDocument.Parse(l).RootElement)
                .Select(e => (Prompt: e.GetProperty("prompt").GetString()!, Text: e.GetProperty("text").GetString()!))
                .ToList();
            Assert.True(examples.Count >= 50, $"the smoke corpus has only {examples.Count} examples");
            var prompt = examples[0].Prompt;
            examples.AddRange(EdgeTexts.Select(t => (prompt, t)));
            examples.Add(("<intent:next>  <dev:earbud>\n<has:name>", "odd prompt spacing"));
            var corpus = Path.Combine(dir, "corpus.jsonl");
            File.WriteAllLines(corpus, examples.Select(e => JsonSerializer.Serialize(new { prompt = e.Prompt, text = e.Text })));
            var idsPath = Path.Combine(dir, "ids.txt");
            var (exit, output, timedOut) = Repo.Run("/usr/bin/python3",
                [Repo.Path("gateway", "model", "tokenize_corpus.py"), "--tokenizer", smoke.PathOf("tokenizer.json"), "--corpus", corpus, "--out", idsPath],
                TimeSpan.FromMinutes(2));
            Assert.True(exit == 0 && !timedOut, $"tokenize_corpus.py failed (exit {exit}, timed out {timedOut}):\n{output}");

            var python = File.ReadAllLines(idsPath);
            Assert.Equal(examples.Count, python.Length);
            for (var i = 0; i < examples.Count; i++)
            {
                var expected = python[i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
                var actual = tokenizer.EncodeTraining(examples[i].Prompt, examples[i].Text, out _);
                Assert.True(expected.SequenceEqual(actual),
                    $"line {i + 1}: {JsonSerializer.Serialize(examples[i].Text)}\npython: {python[i]}\nc#:     {string.Join(' ', actual)}");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Decoding_the_encoded_text_gives_it_back()
    {
        smoke.EnsureBuilt();
        var tokenizer = BpeTokenizer.Load(smoke.PathOf("tokenizer.json"));
        foreach (var text in EdgeTexts)
        {
            Assert.Equal(text, tokenizer.Decode(tokenizer.EncodeText(text)));
        }
    }

    [Fact]
    public void The_prompt_is_bos_prompt_sep_and_the_training_sequence_ends_with_eos()
    {
        smoke.EnsureBuilt();
        var tokenizer = BpeTokenizer.Load(smoke.PathOf("tokenizer.json"));
        var ids = tokenizer.EncodeTraining("<intent:morning> <has:name>", "Hi <name>.", out var textStart);
        Assert.True(tokenizer.TryGetSpecialId("<intent:morning>", out var intent));
        Assert.True(tokenizer.TryGetSpecialId("<name>", out var name));
        Assert.Equal([BpeTokenizer.BosId, intent], ids[..2]);
        Assert.Equal(BpeTokenizer.SepId, ids[textStart - 1]);
        Assert.Contains(name, ids[textStart..]);
        Assert.Equal(BpeTokenizer.EosId, ids[^1]);
        Assert.Equal(ids[..textStart], tokenizer.Encode("<intent:morning> <has:name>", string.Empty));
        Assert.True(tokenizer.TryGetSpecialId("<has:name>", out var hasName));
        Assert.Equal([BpeTokenizer.BosId, intent, hasName, BpeTokenizer.SepId], ids[..textStart]);
    }

    [Fact]
    public void A_prompt_word_that_is_not_a_control_token_is_refused()
    {
        smoke.EnsureBuilt();
        var tokenizer = BpeTokenizer.Load(smoke.PathOf("tokenizer.json"));
        var error = Assert.Throws<ArgumentException>(() => tokenizer.Encode("<intent:morning> morning", string.Empty));
        Assert.Contains("'morning'", error.Message, StringComparison.Ordinal);
    }
}
