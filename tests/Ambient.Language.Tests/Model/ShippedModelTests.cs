using System.Security.Cryptography;
using System.Text.Json;

namespace Ambient.Language.Tests.Model;

/// <summary>
/// The committed model (gateway/model/release) is what its manifest says, and its graphs still compute what PyTorch
/// computed for its weights: a graph rewritten from the same weights (regraph.py) must pass these unchanged.
/// </summary>
public sealed class ShippedModelTests
{
    private static readonly string Release = Repo.Path("gateway", "model", "release");

    [Fact]
    public void Every_artifact_matches_its_manifest_hash_and_size()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Release, "manifest.json")));
        var artifacts = manifest.RootElement.GetProperty("artifacts").EnumerateObject().ToList();
        Assert.Contains(artifacts, a => a.Name == "model.int8.onnx");
        foreach (var artifact in artifacts)
        {
            var path = Path.Combine(Release, artifact.Name);
            Assert.True(File.Exists(path), $"{artifact.Name} is in the manifest but not in {Release}");
            Assert.Equal(artifact.Value.GetProperty("bytes").GetInt64(), new FileInfo(path).Length);
            using var stream = File.OpenRead(path);
            Assert.Equal(artifact.Value.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(stream)));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_fp32_graph_reproduces_pytorchs_logits_and_greedy_decodes(bool noCache)
    {
        ReferenceChecks.Fp32LogitsMatchPytorch(Release, noCache);
        ReferenceChecks.GreedyDecodingMatchesPytorch(Release, noCache);
    }

    [Fact]
    public void The_int8_graph_stays_near_pytorchs_int8_simulation() => ReferenceChecks.Int8LogitsStayNearTheSimulation(Release, tolerance: 1f, sameArgmax: true);
}
