using Ambient.Language.Model;

namespace Ambient.Language.Tests.Model;

/// <summary>The mask and the sampler on hand-made logits (no model).</summary>
public sealed class DecodeConstraintsTests
{
    private static readonly BpeTokenizer Tokenizer = TinyTokenizer();

    [Fact]
    public void Eos_is_masked_until_every_required_slot_appeared_and_a_slot_is_used_once()
    {
        var c = new DecodeConstraints(Tokenizer, ["<name>", "<temp_now>"], ["<name>", "<temp_now>"]);
        Id("<name>", out var name);
        Id("<temp_now>", out var temp);
        var logits = Logits();
        c.Apply(logits);
        Assert.True(float.IsNegativeInfinity(logits[BpeTokenizer.EosId]));
        Assert.False(float.IsNegativeInfinity(logits[name]));
        c.Accept(name);
        logits = Logits();
        c.Apply(logits);
        Assert.True(float.IsNegativeInfinity(logits[name]));
        Assert.True(float.IsNegativeInfinity(logits[BpeTokenizer.EosId]));
        c.Accept(temp);
        logits = Logits();
        c.Apply(logits);
        Assert.False(float.IsNegativeInfinity(logits[BpeTokenizer.EosId]));
        Assert.True(c.RequiredSatisfied);
        c.Reset();
        Assert.False(c.RequiredSatisfied);
    }

    [Fact]
    public void Structural_control_and_unavailable_slot_tokens_are_always_masked()
    {
        var c = new DecodeConstraints(Tokenizer, ["<name>"], []);
        var logits = Logits();
        c.Apply(logits);
        Id("<intent:morning>", out var control);
        Id("<temp_now>", out var absent);
        foreach (var id in new[] { BpeTokenizer.PadId, BpeTokenizer.BosId, BpeTokenizer.SepId, control, absent })
        {
            Assert.True(float.IsNegativeInfinity(logits[id]), Tokenizer.Specials[id]);
        }

        Assert.False(float.IsNegativeInfinity(logits[BpeTokenizer.EosId]));
        Assert.Throws<InvalidOperationException>(() => c.Accept(absent));
    }

    [Fact]
    public void Byte_pieces_with_angle_brackets_are_masked_so_a_slot_cannot_be_spelled_out()
    {
        var c = new DecodeConstraints(Tokenizer, ["<name>"], []);
        var logits = Logits();
        c.Apply(logits);
        var lt = Tokenizer.ByteOffset + '<';
        var gt = Tokenizer.ByteOffset + '>';
        var a = Tokenizer.ByteOffset + 'a';
        Assert.True(float.IsNegativeInfinity(logits[lt]));
        Assert.True(float.IsNegativeInfinity(logits[gt]));
        Assert.False(float.IsNegativeInfinity(logits[a]));
    }

    [Fact]
    public void The_sampler_is_seeded_honours_the_mask_and_top_p()
    {
        var sampler = new TokenSampler(6);
        float[] logits = [float.NegativeInfinity, 5f, 4.9f, 0f, float.NegativeInfinity, -1f];
        var r1 = new Random(9);
        var r2 = new Random(9);
        for (var i = 0; i < 200; i++)
        {
            var x = sampler.Sample(logits, 1f, 0.9f, r1);
            Assert.Equal(x, sampler.Sample(logits, 1f, 0.9f, r2));
            // Tokens 1 and 2 hold ~98% of the mass; top-p 0.9 keeps only them.
            Assert.True(x is 1 or 2, $"drew {x}");
        }

        Assert.Equal(1, sampler.Sample(logits, 0f, 0.9f, r1));
        var seen = new HashSet<int>();
        for (var i = 0; i < 2000; i++)
        {
            seen.Add(sampler.Sample(logits, 5f, 1f, r1));
        }

        Assert.Equal([1, 2, 3, 5], seen.Order());
    }

    [Fact]
    public void A_plant_number_may_follow_only_its_own_plant_in_the_same_sentence()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ambient-plant-tokenizer-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"version":2,"special":["<pad>","<bos>","<sep>","<eos>","<plant1_name>","<plant2_name>","<plant1_moisture>","<plant2_moisture>"],"merges":[]}""");
        var tokenizer = BpeTokenizer.Load(path);
        File.Delete(path);
        string[] slots = ["<plant1_name>", "<plant2_name>", "<plant1_moisture>", "<plant2_moisture>"];
        var ids = slots.Select(s => tokenizer.TryGetSpecialId(s, out var id) ? id : throw new InvalidOperationException(s)).ToArray();
        var (name1, name2, moisture1, moisture2) = (ids[0], ids[1], ids[2], ids[3]);
        var c = new DecodeConstraints(tokenizer, slots, [], sentenceEnds: FitGuide.SentenceEnds(tokenizer));
        bool Allowed(int id)
        {
            var logits = Enumerable.Repeat(1f, tokenizer.VocabSize).ToArray();
            c.Apply(logits);
            return !float.IsNegativeInfinity(logits[id]);
        }

        Assert.False(Allowed(moisture1));
        c.Accept(name1);
        Assert.True(Allowed(moisture1));
        Assert.False(Allowed(moisture2));
        c.Accept(tokenizer.EncodeText(".")[0]);
        Assert.False(Allowed(moisture1));
        c.Accept(name2);
        Assert.True(Allowed(moisture2));
        Assert.False(Allowed(moisture1));

        // Without the sentence ends (tests, old callers) numbers are not tied to names.
        var loose = new DecodeConstraints(tokenizer, slots, []);
        var all = Enumerable.Repeat(1f, tokenizer.VocabSize).ToArray();
        loose.Apply(all);
        Assert.False(float.IsNegativeInfinity(all[moisture2]));
    }

    private static float[] Logits() => Enumerable.Repeat(1f, Tokenizer.VocabSize).ToArray();

    private static void Id(string token, out int id) => Assert.True(Tokenizer.TryGetSpecialId(token, out id));

    private static BpeTokenizer TinyTokenizer()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ambient-tiny-tokenizer-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"version":2,"special":["<pad>","<bos>","<sep>","<eos>","<intent:morning>","<name>","<temp_now>"],"merges":[[111,108]]}""");
        try
        {
            return BpeTokenizer.Load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
