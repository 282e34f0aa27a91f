using System.Text.Json;

namespace Ambient.Language.Tests.Model;

/// <summary>gateway/model's reference-logits.json: PyTorch's logits for a few sequences, with and without a past.</summary>
internal sealed record ReferenceLogits(int Vocab, int Layers, IReadOnlyList<ReferenceCase> Cases, IReadOnlyList<GreedyCase> Greedy)
{
    public static ReferenceLogits Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        var cases = root.GetProperty("cases").EnumerateArray().Select(c => new ReferenceCase(
            c.GetProperty("name").GetString()!,
            Ints(c.GetProperty("past_ids")),
            Ints(c.GetProperty("input_ids")),
            Ints(c.GetProperty("rows")),
            [.. c.GetProperty("logits").EnumerateArray().Select(Floats)],
            [.. c.GetProperty("logits_int8_simulated").EnumerateArray().Select(Floats)])).ToList();
        var greedy = root.GetProperty("greedy").EnumerateArray().Select(g => new GreedyCase(
            Ints(g.GetProperty("prompt_ids")), Ints(g.GetProperty("greedy_ids")))).ToList();
        return new ReferenceLogits(root.GetProperty("vocab").GetInt32(), root.GetProperty("layers").GetInt32(), cases, greedy);
    }

    private static int[] Ints(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetInt32())];

    private static float[] Floats(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetSingle())];
}

internal sealed record ReferenceCase(string Name, int[] PastIds, int[] InputIds, int[] Rows, float[][] Logits, float[][] LogitsInt8Simulated);

internal sealed record GreedyCase(int[] PromptIds, int[] GreedyIds);
