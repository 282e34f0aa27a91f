using Ambient.Language.Model;
using CsCheck;

namespace Ambient.Language.Tests.Model;

/// <summary>README §1 / small-model.md §2: the mask makes slot errors of "added" and "repeated" impossible.</summary>
[Collection(SmokeModelCollection.Name)]
public sealed class ConstrainedDecodingTests(SmokeModelFixture smoke)
{
    [Fact]
    public void Sampling_never_emits_an_unavailable_slot_a_control_token_or_a_repeat_and_never_ends_early()
    {
        smoke.EnsureBuilt();
        var tokenizer = BpeTokenizer.Load(smoke.PathOf("tokenizer.json"));
        using var decoder = new TextDecoder(
            OnnxLanguageModel.Load(smoke.PathOf("model.int8.onnx"), ModelManifest.ContextLength(smoke.PathOf("manifest.json")) ?? 160), tokenizer);
        // Hot and wide: every token the mask lets through gets a real chance. Half the runs also push the model hard
        // toward <eos> and its slots (a logit bias before the mask), so the end-of-text rule is exercised whatever the
        // tiny smoke model has learned: it must still hold <eos> back until every required slot is written.
        var settings = new SamplingSettings(Temperature: 2f, TopP: 1f, MaxNewTokens: 48);
        var text = new List<int>();
        var ended = 0;
        AnyFacts.Gen.Select(CsCheck.Gen.Int, CsCheck.Gen.Bool).Sample((facts, seed, pushToEnd) =>
        {
            var sheet = FactSheets.From(facts);
            var slotIds = sheet.SlotValues.Keys.Select(k => tokenizer.TryGetSpecialId(k, out var id) ? id : -1).Where(id => id >= 0).ToArray();
            decoder.AdjustLogits = pushToEnd
                ? (_, logits) =>
                {
                    logits[BpeTokenizer.EosId] += 30f;
                    foreach (var id in slotIds)
                    {
                        logits[id] += 8f;
                    }
                }
                : null;
            var constraints = new DecodeConstraints(tokenizer, sheet.SlotValues.Keys, sheet.RequiredSlots);
            var stop = decoder.Decode(tokenizer.Encode(sheet.PromptTokens, string.Empty), constraints, settings, new Random(seed), text);
            var specials = text.Where(tokenizer.IsSpecial).Select(id => tokenizer.Specials[id]).ToList();
            Assert.All(specials, s => Assert.True(sheet.SlotValues.ContainsKey(s), $"{s} emitted; the sheet has {string.Join(' ', sheet.SlotValues.Keys)}"));
            Assert.Equal(specials.Count, specials.Distinct(StringComparer.Ordinal).Count());
            var errors = SlotErrors.Count(tokenizer.Decode(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(text)), sheet);
            Assert.Equal(0, errors.Added);
            Assert.Equal(0, errors.Repeated);
            if (stop == DecodeStop.EndOfText)
            {
                ended += pushToEnd ? 1 : 0;
                Assert.All(sheet.RequiredSlots, s => Assert.Contains(s, specials));
            }
            else
            {
                Assert.Equal(settings.MaxNewTokens, text.Count);
            }
        }, iter: 150, threads: 1);
        Assert.True(ended > 10, $"only {ended} pushed samples reached <eos>: the required-slot rule was hardly exercised");
    }
}
