using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Ambient.Language.Model;

namespace Ambient.Language.Tests.Model;

/// <summary>
/// The guided decoding of <see cref="PlantMoodGuide"/>: where it goes back to, that the decoder really redraws the
/// name there (and only there), and the cache truncation it relies on.
/// </summary>
[Collection(SmokeModelCollection.Name)]
public sealed class PlantMoodGuideTests(SmokeModelFixture smoke)
{
    // Plant 1 is cold, plant 2 hot (FactSheets keeps the facts' order among plants that need something).
    private static readonly FactSheet Sheet = FactSheets.From(TestFacts.Greeting(
        Intent.PlantReport, plants: [new("Basil", PlantMood.TooCold, 40, 3), new("Fern", PlantMood.TooHot, 35, 2)]));

    [Theory]
    [InlineData("<plant1_name> is a little warm.", true, "<plant1_name>", "<plant2_name>")]
    [InlineData("a cooler corner for <plant1_name>", false, "<plant1_name>", "<plant2_name>")]
    [InlineData("<plant2_name> is chilly, and", false, "<plant2_name>", "<plant1_name>")]
    public void A_wrong_mood_goes_back_to_the_name_and_offers_only_the_plants_the_words_fit(string delex, bool ended, string name, string fitting)
    {
        var (tokenizer, guide) = Guide();
        var text = Tokens(tokenizer, delex);
        var back = Assert.IsType<Backtrack>(guide.Check(text, ended));
        Assert.Equal(tokenizer.Specials[text[back.Position]], name);
        Assert.Equal([Id(tokenizer, fitting)], Assert.IsType<int[]>(back.OnlyFrom));
    }

    [Theory]
    [InlineData("<plant1_name> is chilly and <plant2_name> is baking a bit.", true)]
    // "warm" may still become "warmer": a word at the end is judged only once the next one starts.
    [InlineData("<plant1_name> would like a warm", false)]
    public void Text_that_keeps_plants_to_their_moods_is_left_alone(string delex, bool ended)
    {
        var (tokenizer, guide) = Guide();
        Assert.Null(guide.Check(Tokens(tokenizer, delex), ended));
    }

    [Fact]
    public void When_no_unnamed_plant_fits_the_wrong_word_itself_is_drawn_again()
    {
        var (tokenizer, guide) = Guide();
        // The hot plant is named already, so no name can take "hot" for plant 1 (cold).
        var text = Tokens(tokenizer, "<plant2_name> is overheating and <plant1_name> is too hot.");
        var back = Assert.IsType<Backtrack>(guide.Check(text, ended: true));
        Assert.Null(back.OnlyFrom);
        Assert.Equal(" hot.", tokenizer.Decode(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(text)[back.Position..]));
    }

    [Theory]
    [InlineData(999f, "<plant2_name> is overheating and <plant1_name> is too cold.", 1)]
    // The model has no real alternative to "hot" (e^-10 of its probability): the ban is dropped, the guide stops,
    // and the validator is left to refuse the text.
    [InlineData(990f, "<plant2_name> is overheating and <plant1_name> is too hot.", 1)]
    public void A_wrong_word_is_redrawn_only_while_the_model_has_a_real_alternative(float coldWeight, string expected, int backtracks)
    {
        smoke.EnsureBuilt();
        var tokenizer = BpeTokenizer.Load(smoke.PathOf("tokenizer.json"));
        using var decoder = new TextDecoder(OnnxLanguageModel.Load(smoke.PathOf("model.int8.onnx"), 160), tokenizer);
        var hot = Tokens(tokenizer, "<plant2_name> is overheating and <plant1_name> is too hot.");
        var cold = Tokens(tokenizer, "<plant2_name> is overheating and <plant1_name> is too cold.");
        // A scripted model that likes "hot" best and "cold" next (by coldWeight), then ends. The weights are set, not
        // added: the tiny model's own logits for the two words' first tokens differ by a token-dependent amount, and
        // the gap between them is what this test is about.
        decoder.AdjustLogits = (text, logits) =>
        {
            foreach (var (script, weight) in new[] { (hot, 1000f), (cold, coldWeight) })
            {
                if (text.Count <= script.Count && text.SequenceEqual(script.Take(text.Count)))
                {
                    logits[text.Count < script.Count ? script[text.Count] : BpeTokenizer.EosId] = weight;
                }
            }
        };
        var prompt = tokenizer.Encode(Sheet.PromptTokens, string.Empty);
        var greedy = new SamplingSettings(Temperature: 0f, TopP: 1f, MaxNewTokens: 40, Backtracks: 8);
        var tokens = new List<int>();
        var stop = decoder.Decode(prompt, new DecodeConstraints(tokenizer, Sheet.SlotValues.Keys, Sheet.RequiredSlots), greedy, new Random(1), tokens,
            new PlantMoodGuide(tokenizer, PlantMoodGuide.WordStarts(tokenizer), Sheet));
        Assert.Equal(DecodeStop.EndOfText, stop);
        Assert.Equal(expected, tokenizer.Decode(CollectionsMarshal.AsSpan(tokens)));
        Assert.Equal(backtracks, decoder.Backtracks);
    }

    // A scripted model writes `script` ("{1}": plant 1's name, the cold one; "{any}": any plant not named yet).
    [Theory]
    [InlineData("a cooler corner for {1}, and {any} is chilly.",
        "a cooler corner for <plant1_name>, and <plant2_name> is chilly.", "a cooler corner for <plant2_name>, and <plant1_name> is chilly.")]
    // The words stay and the name is swapped: the model had the hot plant's words for the cold plant's name.
    [InlineData("{1} is a little warm, and {any} is chilly.",
        "<plant1_name> is a little warm, and <plant2_name> is chilly.", "<plant2_name> is a little warm, and <plant1_name> is chilly.")]
    public void The_decoder_puts_in_the_name_of_the_plant_the_words_fit_and_the_model_writes_on(string script, string unguided, string guided)
    {
        smoke.EnsureBuilt();
        var tokenizer = BpeTokenizer.Load(smoke.PathOf("tokenizer.json"));
        using var decoder = new TextDecoder(OnnxLanguageModel.Load(smoke.PathOf("model.int8.onnx"), 160), tokenizer);
        const int Plant1 = -1, AnyUnnamed = -2;
        var scripted = new List<int>();
        foreach (var piece in Regex.Split(script, @"(\{1\}|\{any\})"))
        {
            scripted.AddRange(piece switch { "{1}" => [Plant1], "{any}" => [AnyUnnamed], _ => tokenizer.EncodeText(piece) });
        }

        scripted.Add(BpeTokenizer.EosId);
        int[] plants = [Id(tokenizer, "<plant1_name>"), Id(tokenizer, "<plant2_name>")];
        decoder.AdjustLogits = (text, logits) =>
        {
            var want = scripted[Math.Min(text.Count, scripted.Count - 1)];
            foreach (var id in want == Plant1 ? [plants[0]] : want == AnyUnnamed ? plants.Where(p => !text.Contains(p)) : [want])
            {
                logits[id] += 1000f;
            }
        };
        var prompt = tokenizer.Encode(Sheet.PromptTokens, string.Empty);
        var greedy = new SamplingSettings(Temperature: 0f, TopP: 1f, MaxNewTokens: 40, Backtracks: 8);
        var constraints = new DecodeConstraints(tokenizer, Sheet.SlotValues.Keys, Sheet.RequiredSlots);
        var tokens = new List<int>();

        decoder.Decode(prompt, constraints, greedy, new Random(1), tokens);
        Assert.Equal(unguided, tokenizer.Decode(CollectionsMarshal.AsSpan(tokens)));
        Assert.NotEmpty(PlantMoodCheck.Find(unguided, Sheet));

        var stop = decoder.Decode(prompt, constraints, greedy, new Random(1), tokens, new PlantMoodGuide(tokenizer, PlantMoodGuide.WordStarts(tokenizer), Sheet));
        Assert.Equal(DecodeStop.EndOfText, stop);
        Assert.Equal(guided, tokenizer.Decode(CollectionsMarshal.AsSpan(tokens)));
        Assert.Empty(PlantMoodCheck.Find(guided, Sheet));
        Assert.Equal(1, decoder.Backtracks);
    }

    [Fact]
    public void A_text_that_outgrows_the_magnet_ends_at_its_last_full_sentence()
    {
        smoke.EnsureBuilt();
        var tokenizer = BpeTokenizer.Load(smoke.PathOf("tokenizer.json"));
        using var decoder = new TextDecoder(OnnxLanguageModel.Load(smoke.PathOf("model.int8.onnx"), 160), tokenizer);
        var sheet = FactSheets.From(TestFacts.Greeting(Intent.PlantReport, TargetDevice.Magnet, plants: [new("Basil", PlantMood.TooCold, 40, 3)]));
        var script = new List<int>(tokenizer.EncodeText("<plant1_name> is chilly. A warmer corner away from the draughty window would help it through the long cold nights, if you can find one."));
        script.Add(BpeTokenizer.EosId);
        decoder.AdjustLogits = (text, logits) => logits[script[Math.Min(text.Count, script.Count - 1)]] += 1000f;
        var prompt = tokenizer.Encode(sheet.PromptTokens, string.Empty);
        var greedy = new SamplingSettings(Temperature: 0f, TopP: 1f, MaxNewTokens: 120);
        var tokens = new List<int>();
        var constraints = new DecodeConstraints(tokenizer, sheet.SlotValues.Keys, sheet.RequiredSlots);

        decoder.Decode(prompt, constraints, greedy, new Random(1), tokens);
        var whole = tokenizer.Decode(CollectionsMarshal.AsSpan(tokens));
        Assert.False(DeviceFit.Fits(SlotFiller.Fill(whole, sheet), TargetDevice.Magnet), "the script must outgrow the magnet");
        Assert.False(decoder.Shortened);

        var stop = decoder.Decode(prompt, constraints, greedy, new Random(1), tokens, fit: new FitGuide(tokenizer, FitGuide.SentenceEnds(tokenizer), sheet));
        Assert.Equal(DecodeStop.EndOfText, stop);
        Assert.True(decoder.Shortened);
        Assert.Equal("<plant1_name> is chilly.", tokenizer.Decode(CollectionsMarshal.AsSpan(tokens)));
    }

    [Fact]
    public void A_text_that_said_everything_and_then_wants_a_fact_it_may_not_write_ends_at_its_last_full_sentence()
    {
        smoke.EnsureBuilt();
        var tokenizer = BpeTokenizer.Load(smoke.PathOf("tokenizer.json"));
        using var decoder = new TextDecoder(OnnxLanguageModel.Load(smoke.PathOf("model.int8.onnx"), 160), tokenizer);
        var sheet = FactSheets.From(TestFacts.Greeting(Intent.PlantReport, TargetDevice.Dashboard, plants: [new("Basil", PlantMood.TooCold, 40, 3)]));
        // The scripted model names its plant, then wants a second plant the sheet does not have.
        Assert.True(tokenizer.TryGetSpecialId("<plant2_name>", out var absent));
        var script = new List<int>(tokenizer.EncodeText("<plant1_name> is chilly. "));
        script.Add(absent);
        decoder.AdjustLogits = (text, logits) =>
        {
            if (text.Count < script.Count)
            {
                logits[script[text.Count]] += 1000f;
            }
        };
        var prompt = tokenizer.Encode(sheet.PromptTokens, string.Empty);
        var fit = new FitGuide(tokenizer, FitGuide.SentenceEnds(tokenizer), sheet);
        var tokens = new List<int>();
        var constraints = new DecodeConstraints(tokenizer, sheet.SlotValues.Keys, sheet.RequiredSlots);

        // Off (1): the constraints force the model past the slot it wanted, and the sample says so.
        decoder.Decode(prompt, constraints, new SamplingSettings(0f, 1f, 40), new Random(1), tokens, fit: fit);
        Assert.False(decoder.EndedBeforeForced);
        Assert.True(decoder.MostMasked > 0.99, $"most masked {decoder.MostMasked}");

        var stop = decoder.Decode(prompt, constraints, new SamplingSettings(0f, 1f, 40, EndWhenMasked: 0.5), new Random(1), tokens, fit: fit);
        Assert.Equal(DecodeStop.EndOfText, stop);
        Assert.True(decoder.EndedBeforeForced);
        Assert.True(decoder.MostMasked < 0.5, $"most masked {decoder.MostMasked}");
        Assert.Equal("<plant1_name> is chilly.", tokenizer.Decode(CollectionsMarshal.AsSpan(tokens)));
    }

    [Fact]
    public void Truncating_the_cache_and_feeding_on_gives_the_logits_of_a_fresh_run()
    {
        smoke.EnsureBuilt();
        using var model = OnnxLanguageModel.Load(smoke.PathOf("model.fp32.onnx"), 160);
        var tokenizer = BpeTokenizer.Load(smoke.PathOf("tokenizer.json"));
        var first = tokenizer.Encode(Sheet.PromptTokens, "Basil is a little cold and Fern is warm.");
        var other = tokenizer.EncodeText(" sunny");
        var keep = first.Length - 6;

        model.Reset();
        model.Feed(first);
        model.Truncate(keep);
        var after = model.FeedLast(other).ToArray();

        model.Reset();
        var fresh = model.FeedLast([.. first[..keep], .. other]).ToArray();
        Assert.Equal(keep + other.Length, model.Length);
        for (var i = 0; i < fresh.Length; i++)
        {
            Assert.True(Math.Abs(fresh[i] - after[i]) < 1e-3f, $"logit {i}: {after[i]} after truncating, {fresh[i]} fresh");
        }
    }

    [Fact]
    public void Every_token_counts_as_starting_a_word_or_not_as_its_text_begins()
    {
        var (tokenizer, _) = Guide();
        var starts = PlantMoodGuide.WordStarts(tokenizer);
        Assert.True(starts[Id(tokenizer, "<plant1_name>")]);
        Assert.True(starts[tokenizer.EncodeText(".")[0]]);
        Assert.True(starts[tokenizer.EncodeText(" warm")[0]]);
        Assert.False(starts[tokenizer.EncodeText("warm")[0]]);
    }

    private (BpeTokenizer Tokenizer, PlantMoodGuide Guide) Guide()
    {
        smoke.EnsureBuilt();
        var tokenizer = BpeTokenizer.Load(smoke.PathOf("tokenizer.json"));
        return (tokenizer, new PlantMoodGuide(tokenizer, PlantMoodGuide.WordStarts(tokenizer), Sheet));
    }

    private static List<int> Tokens(BpeTokenizer tokenizer, string delex) => [.. tokenizer.EncodeText(delex)];

    private static int Id(BpeTokenizer tokenizer, string special) =>
        tokenizer.TryGetSpecialId(special, out var id) ? id : throw new InvalidOperationException($"{special} is not a special token");
}
