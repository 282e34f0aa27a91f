using System.Runtime.InteropServices;
using Ambient.Language.Model;

namespace Ambient.Language.Tests.Model;

/// <summary>
/// The decoder's answer to a model that wants to end before every plant is named: after a full sentence it resumes
/// with the missing plant's name (a new sentence, or ", and" where the text must be one sentence); anywhere else the
/// end stays masked and <see cref="TextDecoder.MostMasked"/> says how much the model was overruled.
/// </summary>
[Collection(SmokeModelCollection.Name)]
public sealed class EarlyEndTests(SmokeModelFixture smoke)
{
    [Theory]
    [InlineData(TargetDevice.Dashboard, "<plant1_name> is chilly.", "<plant1_name> is chilly. <plant2_name> is baking a bit.")]
    [InlineData(TargetDevice.Earbud, "<plant1_name> is chilly.", "<plant1_name> is chilly, and <plant2_name> is baking a bit.")]
    public void A_plant_left_out_before_the_end_is_named_and_the_model_writes_on(TargetDevice device, string early, string expected)
    {
        var (tokenizer, decoder, sheet) = Setup(device);
        using var _ = decoder;
        var first = tokenizer.EncodeText(early);
        var target = tokenizer.EncodeText(expected);
        // A scripted model: the early text, then it wants to end; after the decoder's resumption it follows the
        // expected text (and ends there).
        decoder.AdjustLogits = (text, logits) =>
        {
            var next = text.SequenceEqual(first.Take(text.Count)) && text.Count <= first.Length
                ? (text.Count < first.Length ? first[text.Count] : BpeTokenizer.EosId)
                : text.Count < target.Length && text.SequenceEqual(target.Take(text.Count)) ? target[text.Count] : BpeTokenizer.EosId;
            logits[next] += 1000f;
        };
        var tokens = new List<int>();
        var stop = decoder.Decode(Prompt(tokenizer, sheet), Constraints(tokenizer, sheet), Greedy, new Random(1), tokens);

        Assert.Equal(expected, tokenizer.Decode(CollectionsMarshal.AsSpan(tokens)));
        Assert.Equal(DecodeStop.EndOfText, stop);
        Assert.Equal(1, decoder.Resumed);
        Assert.True(decoder.MostMasked < 0.5, $"the resumption is not the model being overruled ({decoder.MostMasked:P0})");
        Assert.Empty(TextValidator.Validate(expected, sheet));
    }

    [Fact]
    public void An_end_wanted_mid_sentence_stays_masked_and_is_measured()
    {
        var (tokenizer, decoder, sheet) = Setup(TargetDevice.Dashboard);
        using var _ = decoder;
        var early = tokenizer.EncodeText("<plant1_name> is chilly and");
        decoder.AdjustLogits = (text, logits) =>
            logits[text.Count < early.Length ? early[text.Count] : BpeTokenizer.EosId] += text.Count < early.Length ? 1000f : 20f;
        var tokens = new List<int>();
        decoder.Decode(Prompt(tokenizer, sheet), Constraints(tokenizer, sheet), Greedy, new Random(1), tokens);

        Assert.Equal(0, decoder.Resumed);
        Assert.True(decoder.MostMasked > 0.99, $"the model wanted to end at e^20 odds; masked {decoder.MostMasked:P0}");
        Assert.StartsWith("<plant1_name> is chilly and", tokenizer.Decode(CollectionsMarshal.AsSpan(tokens)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_that_ends_where_it_may_is_not_counted_as_forced()
    {
        var (tokenizer, decoder, sheet) = Setup(TargetDevice.Dashboard);
        using var _ = decoder;
        var whole = tokenizer.EncodeText("<plant1_name> is chilly. <plant2_name> is baking a bit.");
        decoder.AdjustLogits = (text, logits) => logits[text.Count < whole.Length ? whole[text.Count] : BpeTokenizer.EosId] += 1000f;
        var tokens = new List<int>();
        decoder.Decode(Prompt(tokenizer, sheet), Constraints(tokenizer, sheet), Greedy, new Random(1), tokens);

        Assert.Equal(0, decoder.Resumed);
        Assert.True(decoder.MostMasked < 0.01, $"masked {decoder.MostMasked:P0}");
    }

    private static readonly SamplingSettings Greedy = new(Temperature: 0f, TopP: 1f, MaxNewTokens: 60);

    private (BpeTokenizer Tokenizer, TextDecoder Decoder, FactSheet Sheet) Setup(TargetDevice device)
    {
        smoke.EnsureBuilt();
        var tokenizer = BpeTokenizer.Load(smoke.PathOf("tokenizer.json"));
        var decoder = new TextDecoder(OnnxLanguageModel.Load(smoke.PathOf("model.int8.onnx"), 160), tokenizer);
        // Plant 1 is cold, plant 2 hot.
        var sheet = FactSheets.From(TestFacts.Greeting(
            Intent.PlantReport, device, plants: [new("Basil", PlantMood.TooCold, 40, 3), new("Fern", PlantMood.TooHot, 35, 2)]));
        return (tokenizer, decoder, sheet);
    }

    private static int[] Prompt(BpeTokenizer tokenizer, FactSheet sheet) => tokenizer.Encode(sheet.PromptTokens, string.Empty);

    private static DecodeConstraints Constraints(BpeTokenizer tokenizer, FactSheet sheet) =>
        new(tokenizer, sheet.SlotValues.Keys, sheet.RequiredSlots, sheet.Device == TargetDevice.Earbud);
}
