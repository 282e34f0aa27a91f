using System.Diagnostics;
using System.Text.Json;
using Ambient.Gateway.Voice.WakeWord;

namespace Ambient.Gateway.Tests.Voice.WakeWord;

/// <summary>
/// CI smoke of the training pipeline: gateway/model/wakeword/smoke.sh renders a few espeak-ng clips, trains two
/// members a few steps each with Debian's python3-torch and averages them (ensemble.py), exporting ONNX + manifest;
/// the result must load in ONNX Runtime and score audio. Then the members are recovered from that graph (recover.py)
/// and one is trained on from its recovered weights.
/// Needs /usr/bin/python3 with python3-torch and python3-onnx, and espeak-ng (test.sh installs them).
/// </summary>
public sealed class SmokeTrainingTests
{
    [Fact]
    public async Task The_smoke_training_writes_a_model_that_onnx_runtime_loads_and_runs()
    {
        var output = Directory.CreateTempSubdirectory("ambient-wakeword-smoke-").FullName;
        try
        {
            var start = new ProcessStartInfo(Path.Combine(WakeWordFiles.ModelFolder, "smoke.sh"))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(output);
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            // About 40 s of CPU; the deadline leaves room for a machine busy with other builds.
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(180));
            string stdout, errors;
            try
            {
                var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
                stdout = await process.StandardOutput.ReadToEndAsync(deadline.Token);
                await process.WaitForExitAsync(deadline.Token);
                errors = await stderr;
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"smoke.sh ran over {clock.Elapsed.TotalSeconds:F0} s");
            }

            Assert.True(process.ExitCode == 0, $"smoke.sh exited with {process.ExitCode}:\n{stdout}\n{errors}");

            var model = Path.Combine(output, "hey_ambient.onnx");
            var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "manifest.json"))).RootElement;
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(model))), manifest.GetProperty("sha256").GetString());
            Assert.True(manifest.GetProperty("training").GetProperty("smoke").GetBoolean());
            var members = manifest.GetProperty("training").GetProperty("ensemble");
            Assert.Equal(2, members.GetArrayLength());
            Assert.Equal(["window", "channel"], members.EnumerateArray().Select(m => m.GetProperty("normalise").GetString()));
            // Both architectures (model.ARCHITECTURES): the temporal one and the 2-D spectral one.
            Assert.Equal(["temporal", "spectral"], members.EnumerateArray().Select(m => m.GetProperty("arch").GetString()));
            // The near-miss family ("okay ambient", …) is rendered and in the member's recipe.
            var recipe = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "m1", "manifest.json"))).RootElement.GetProperty("data");
            Assert.Contains("okay ambient", recipe.GetProperty("near_miss_texts").EnumerateArray().Select(t => t.GetString()));
            Assert.InRange(recipe.GetProperty("near_miss_renders").GetInt32(), 10, 1000);
            // … and said in the accents the pronunciation positives have (espeak-ng phoneme input).
            var accented = recipe.GetProperty("near_miss_accented").EnumerateArray().Select(t => t.GetString()!).ToList();
            Assert.NotEmpty(accented);
            Assert.All(accented, t => Assert.StartsWith("[[", t, StringComparison.Ordinal));
            // The members are combined as the shipped ensemble is: the mean of their logits.
            Assert.Equal("logit", manifest.GetProperty("config").GetProperty("ensemble_combine").GetString());
            // The rule is chosen on household speech no member heard, and the bench's held-out household sentences
            // travel in the manifest, none of them a training sentence.
            Assert.StartsWith("household: 8 generated sentences never trained on", manifest.GetProperty("calibration").GetProperty("stream").GetString(), StringComparison.Ordinal);
            var household = manifest.GetProperty("data").GetProperty("eval_household").EnumerateArray().Select(t => t.GetString()!).ToList();
            Assert.Equal(100, household.Distinct().Count());
            Assert.DoesNotContain(household, recipe.GetProperty("eval_sentences").EnumerateArray().Select(t => t.GetString()!).Contains);

            // The members came back out of the graph (recover.py) as folded classifiers, and one trained on from there.
            foreach (var (member, arch) in new[] { ("m1", "temporal"), ("m2", "spectral") })
            {
                var recovered = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "recovered", member, "manifest.json"))).RootElement;
                Assert.True(recovered.GetProperty("config").GetProperty("folded_bn").GetBoolean());
                Assert.Equal(arch, recovered.GetProperty("config").GetProperty("arch").GetString());
                Assert.True(File.Exists(Path.Combine(output, "recovered", member, "hey_ambient.pt")));
            }

            var resumed = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "m1b", "manifest.json"))).RootElement;
            Assert.EndsWith(Path.Combine("recovered", "m1", "hey_ambient.pt"), resumed.GetProperty("training").GetProperty("init").GetString(), StringComparison.Ordinal);
            Assert.True(resumed.GetProperty("config").GetProperty("folded_bn").GetBoolean());
            Assert.True(resumed.GetProperty("training").GetProperty("steps").GetInt32() > 0);

            using var detector = new WakeWordDetector(new WakeWordOptions { ModelPath = model });
            Assert.Equal(24_000, detector.WindowSamples);
            var stream = detector.OpenStream();
            stream.Feed(SyntheticSpeech.ToPcm16(SyntheticSpeech.Scale(SyntheticSpeech.Pink(32_000, new Random(1)), 0.05f)));
            Assert.Equal(32_000 / WakeWordDetector.HopSamples, stream.Hops);
            Assert.InRange(stream.LastScore, 0f, 1f);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
