using Ambient.Language.Model;

namespace Ambient.Language.Tests.Model;

/// <summary>The memory hook's word pairs: what is pushed down after which token, and what is never touched.</summary>
[Collection(SmokeModelCollection.Name)]
public sealed class RecentPhrasingTests(SmokeModelFixture smoke)
{
    [Fact]
    public void A_word_that_followed_the_same_token_in_a_recent_text_loses_the_penalty_and_nothing_else_does()
    {
        var tokenizer = Tokenizer();
        var recent = RecentPhrasing.For(tokenizer, RecentPhrasing.WordTokens(tokenizer), ["Basil is getting thirsty."], 2f);
        Assert.NotNull(recent);
        var getting = Single(tokenizer, " getting");
        var feeling = Single(tokenizer, " feeling");
        var period = Single(tokenizer, ".");

        var logits = new float[tokenizer.VocabSize];
        recent.Apply(tokenizer.EncodeText("Fern is"), logits);
        Assert.Equal(-2f, logits[getting]);
        Assert.Equal(0f, logits[feeling]);
        Assert.Equal(1, logits.Count(l => l != 0f));

        // Punctuation after a recent word is left alone: only words are steered.
        Array.Clear(logits);
        recent.Apply(tokenizer.EncodeText("is getting thirsty"), logits);
        Assert.Equal(0f, logits[period]);
        Assert.All(logits, l => Assert.Equal(0f, l));
    }

    [Fact]
    public void The_first_word_of_a_recent_text_is_pushed_down_at_the_start()
    {
        var tokenizer = Tokenizer();
        var recent = RecentPhrasing.For(tokenizer, RecentPhrasing.WordTokens(tokenizer), ["Morning, Ana."], 1.5f)!;
        var logits = new float[tokenizer.VocabSize];
        recent.Apply([], logits);
        Assert.Equal(-1.5f, logits[tokenizer.EncodeText("Morning")[0]]);
    }

    [Fact]
    public void Nothing_recent_or_no_penalty_means_no_steering()
    {
        var tokenizer = Tokenizer();
        var words = RecentPhrasing.WordTokens(tokenizer);
        Assert.Null(RecentPhrasing.For(tokenizer, words, null, 1.5f));
        Assert.Null(RecentPhrasing.For(tokenizer, words, [], 1.5f));
        Assert.Null(RecentPhrasing.For(tokenizer, words, ["  "], 1.5f));
        Assert.Null(RecentPhrasing.For(tokenizer, words, ["Basil is getting thirsty."], 0f));
    }

    [Fact]
    public void The_decoder_takes_the_other_of_two_equal_wordings_when_one_was_said_recently()
    {
        smoke.EnsureBuilt();
        var tokenizer = BpeTokenizer.Load(smoke.PathOf("tokenizer.json"));
        using var decoder = new TextDecoder(OnnxLanguageModel.Load(smoke.PathOf("model.int8.onnx"), 160), tokenizer);
        var sheet = FactSheets.From(TestFacts.Greeting(Intent.PlantReport, TargetDevice.Dashboard, plants: [new("Basil", PlantMood.Thirsty, 10, 0)]));
        var getting = tokenizer.EncodeText("<plant1_name> is getting thirsty.");
        var feeling = tokenizer.EncodeText("<plant1_name> is feeling thirsty.");
        // A scripted model that likes both wordings the same (the first a hair more), then ends.
        decoder.AdjustLogits = (text, logits) =>
        {
            foreach (var (script, weight) in new[] { (getting, 1000.01f), (feeling, 1000f) })
            {
                if (text.Count <= script.Length && text.SequenceEqual(script.Take(text.Count)))
                {
                    logits[text.Count < script.Length ? script[text.Count] : BpeTokenizer.EosId] = Math.Max(logits[text.Count < script.Length ? script[text.Count] : BpeTokenizer.EosId], weight);
                }
            }
        };
        var prompt = tokenizer.Encode(sheet.PromptTokens, string.Empty);
        var greedy = new SamplingSettings(Temperature: 0f, TopP: 1f, MaxNewTokens: 30);
        var tokens = new List<int>();
        var constraints = new DecodeConstraints(tokenizer, sheet.SlotValues.Keys, sheet.RequiredSlots);

        decoder.Decode(prompt, constraints, greedy, new Random(1), tokens);
        Assert.Equal("<plant1_name> is getting thirsty.", tokenizer.Decode(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens)));

        var recent = RecentPhrasing.For(tokenizer, RecentPhrasing.WordTokens(tokenizer), ["Yesterday Fern is getting thirsty."], 1.5f);
        decoder.Decode(prompt, constraints, greedy, new Random(1), tokens, recent: recent);
        Assert.Equal("<plant1_name> is feeling thirsty.", tokenizer.Decode(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens)));
    }

    // The shipped tokenizer: whole words are single tokens there, as the pairs are meant (the smoke one is near bytes).
    private static BpeTokenizer Tokenizer() => BpeTokenizer.Load(Repo.Path("gateway", "model", "release", "tokenizer.json"));

    private static int Single(BpeTokenizer tokenizer, string text) => Assert.Single(tokenizer.EncodeText(text));
}
