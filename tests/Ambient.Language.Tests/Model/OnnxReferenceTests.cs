using Ambient.Language.Model;

namespace Ambient.Language.Tests.Model;

/// <summary>The C# decode path against PyTorch (reference-logits.json) and against itself (cache vs recompute).</summary>
[Collection(SmokeModelCollection.Name)]
public sealed class OnnxReferenceTests(SmokeModelFixture smoke)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fp32_logits_match_pytorch_with_and_without_a_past(bool noCache)
    {
        smoke.EnsureBuilt();
        ReferenceChecks.Fp32LogitsMatchPytorch(smoke.Directory, noCache);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Greedy_decoding_matches_pytorch(bool noCache)
    {
        smoke.EnsureBuilt();
        ReferenceChecks.GreedyDecodingMatchesPytorch(smoke.Directory, noCache);
    }

    [Fact]
    public void Int8_logits_stay_near_pytorchs_int8_simulation()
    {
        smoke.EnsureBuilt();
        ReferenceChecks.Int8LogitsStayNearTheSimulation(smoke.Directory, tolerance: 0.1f, sameArgmax: false);
    }

    [Fact]
    public void The_optimized_int8_graph_runs_quantized_matmuls()
    {
        smoke.EnsureBuilt();
        var optimized = Path.Combine(Path.GetTempPath(), $"ambient-int8-optimized-{Guid.NewGuid():N}.onnx");
        try
        {
            using (var model = OnnxLanguageModel.Load(smoke.PathOf("model.int8.onnx"), 160, optimizedModelFilePath: optimized))
            {
                var ops = OnnxGraphOps.Count(optimized);
                var quantized = ops.GetValueOrDefault("com.microsoft:DynamicQuantizeMatMul") + ops.GetValueOrDefault(":MatMulInteger");
                var histogram = string.Join(", ", ops.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}×{kv.Value}"));
                // Per layer at least qkv, attention out, ffn in, ffn out.
                Assert.True(quantized >= 4 * model.Layers, $"{quantized} quantized matmuls for {model.Layers} layers; ops: {histogram}");
                Assert.False(ops.ContainsKey(":DequantizeLinear"), $"weights are dequantized at run time; ops: {histogram}");

                // The attention is one fused op per layer that updates the cache in place: no cache concatenation and
                // no shape arithmetic left for ORT to dispatch on every token.
                Assert.Equal(model.Layers, ops.GetValueOrDefault("com.microsoft:GroupQueryAttention"));
                Assert.False(ops.ContainsKey(":Concat") || ops.ContainsKey(":Shape"), $"ops: {histogram}");
                Assert.True(ops.Values.Sum() <= 10 + (10 * model.Layers), $"{ops.Values.Sum()} nodes for {model.Layers} layers; ops: {histogram}");
            }

            // The fp32 graph, by contrast, has none.
            var fp32Ops = Path.ChangeExtension(optimized, ".fp32.onnx");
            using (OnnxLanguageModel.Load(smoke.PathOf("model.fp32.onnx"), 160, optimizedModelFilePath: fp32Ops))
            {
                Assert.False(OnnxGraphOps.Count(fp32Ops).ContainsKey("com.microsoft:DynamicQuantizeMatMul"));
            }

            File.Delete(fp32Ops);
        }
        finally
        {
            File.Delete(optimized);
        }
    }

    [Fact]
    public void Kv_cache_decoding_gives_the_same_tokens_as_recomputing_for_greedy_runs()
    {
        smoke.EnsureBuilt();
        var tokenizer = BpeTokenizer.Load(smoke.PathOf("tokenizer.json"));
        // fp32: the int8 graph quantizes activations per tensor, so a 40-row recompute and a 1-row step round
        // differently (close, not equal); fp32 isolates what is tested here, the cache.
        using var cached = new TextDecoder(LoadModel("model.fp32.onnx", noCache: false), tokenizer);
        using var recomputed = new TextDecoder(LoadModel("model.fp32.onnx", noCache: true), tokenizer);
        var greedy = new SamplingSettings(Temperature: 0f, TopP: 1f, MaxNewTokens: 40);
        var a = new List<int>();
        var b = new List<int>();
        var random = new Random(3);
        for (var i = 0; i < 12; i++)
        {
            var sheet = FactSheets.From(AnyFacts.Next(random));
            var prompt = tokenizer.Encode(sheet.PromptTokens, string.Empty);
            var stopA = cached.Decode(prompt, new DecodeConstraints(tokenizer, sheet.SlotValues.Keys, sheet.RequiredSlots), greedy, new Random(1), a);
            var stopB = recomputed.Decode(prompt, new DecodeConstraints(tokenizer, sheet.SlotValues.Keys, sheet.RequiredSlots), greedy, new Random(1), b);
            Assert.Equal(a, b);
            Assert.Equal(stopA, stopB);
        }
    }

    [Fact]
    public void A_resample_of_the_same_prompt_restores_the_saved_prompt_cache_and_samples_as_a_fresh_run()
    {
        smoke.EnsureBuilt();
        var tokenizer = BpeTokenizer.Load(smoke.PathOf("tokenizer.json"));
        using var reused = new TextDecoder(LoadModel("model.int8.onnx", noCache: false), tokenizer);
        var settings = new SamplingSettings(Temperature: 1f, TopP: 0.95f, MaxNewTokens: 30);
        var sheet = FactSheets.From(AnyFacts.Next(new Random(8)));
        var prompt = tokenizer.Encode(sheet.PromptTokens, string.Empty);
        var constraints = new DecodeConstraints(tokenizer, sheet.SlotValues.Keys, sheet.RequiredSlots);
        var expected = new List<int>();
        var actual = new List<int>();
        for (var seed = 0; seed < 4; seed++)
        {
            // A fresh decoder feeds the prompt; the reused one goes back to its saved cache after the first run.
            using (var fresh = new TextDecoder(LoadModel("model.int8.onnx", noCache: false), tokenizer))
            {
                fresh.Decode(prompt, constraints, settings, new Random(seed), expected);
            }

            reused.Decode(prompt, constraints, settings, new Random(seed), actual);
            Assert.Equal(expected, actual);
        }
    }

    private OnnxLanguageModel LoadModel(string file, bool noCache) => ReferenceChecks.Load(smoke.Directory, file, noCache);
}
