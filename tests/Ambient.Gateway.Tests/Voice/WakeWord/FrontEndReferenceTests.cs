using System.Text.Json;
using Ambient.Gateway.Voice.WakeWord;

namespace Ambient.Gateway.Tests.Voice.WakeWord;

/// <summary>
/// ONNX Runtime (C#) against gateway/model/wakeword/reference.py: the log-mel of a numpy FFT front end written apart
/// from the graph, and the PyTorch score, for the WAVs in release/reference/ at several window offsets.
/// </summary>
public sealed class FrontEndReferenceTests
{
    [Fact]
    public void The_shipped_model_is_the_one_the_reference_was_written_for()
    {
        var reference = Reference();
        var model = Path.Combine(WakeWordFiles.Release, reference.GetProperty("model").GetString()!);
        Assert.Equal(reference.GetProperty("model_sha256").GetString(), Sha256(model));
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(WakeWordFiles.Release, "manifest.json"))).RootElement;
        Assert.Equal(manifest.GetProperty("sha256").GetString(), Sha256(model));
    }

    [Fact]
    public void The_log_mel_and_score_from_onnx_runtime_match_the_python_reference()
    {
        var reference = Reference();
        using var detector = new WakeWordDetector(new WakeWordOptions { ModelPath = Path.Combine(WakeWordFiles.Release, reference.GetProperty("model").GetString()!) });
        Assert.Equal(reference.GetProperty("window_samples").GetInt32(), detector.WindowSamples);
        var checkedWindows = 0;
        foreach (var clip in reference.GetProperty("clips").EnumerateArray())
        {
            var pcm = ReadWav(Path.Combine(WakeWordFiles.Release, "reference", clip.GetProperty("file").GetString()!));
            foreach (var w in clip.GetProperty("windows").EnumerateArray())
            {
                var window = new float[detector.WindowSamples];
                var offset = w.GetProperty("offset").GetInt32();
                for (var i = 0; i < window.Length; i++)
                {
                    window[i] = pcm[offset + i] / 32768f;
                }

                var (score, logMel, frames) = detector.ScoreWithFeatures(window);
                Assert.InRange(Math.Abs(score - w.GetProperty("score").GetSingle()), 0f, 2e-3f);
                var which = w.GetProperty("logmel_frames").EnumerateArray().Select(f => f.GetInt32()).ToArray();
                var expected = w.GetProperty("logmel").EnumerateArray().ToArray();
                for (var f = 0; f < which.Length; f++)
                {
                    var mels = expected[f].EnumerateArray().Select(v => v.GetSingle()).ToArray();
                    for (var m = 0; m < mels.Length; m++)
                    {
                        var got = logMel[(m * frames) + which[f]];
                        Assert.True(Math.Abs(got - mels[m]) < 0.02f, $"{clip.GetProperty("file")} offset {offset} frame {which[f]} mel {m}: ONNX {got}, numpy {mels[m]}");
                    }
                }

                checkedWindows++;
            }
        }

        Assert.True(checkedWindows >= 6, $"only {checkedWindows} reference windows");
    }

    [Fact]
    public void The_reference_phrase_scores_high_and_the_others_low()
    {
        var clips = Reference().GetProperty("clips").EnumerateArray().ToDictionary(c => c.GetProperty("file").GetString()!, c => c.GetProperty("windows").EnumerateArray().Select(w => w.GetProperty("score").GetSingle()).ToArray());
        Assert.True(clips["phrase.wav"].Max() > 0.5f, $"phrase: {string.Join(", ", clips["phrase.wav"])}");
        Assert.True(clips["sentence.wav"].Max() < 0.5f, $"sentence: {string.Join(", ", clips["sentence.wav"])}");
        Assert.True(clips["noise.wav"].Max() < 0.5f, $"noise: {string.Join(", ", clips["noise.wav"])}");
    }

    private static JsonElement Reference() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(WakeWordFiles.Release, "reference", "reference.json"))).RootElement;

    private static string Sha256(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>16-bit mono 16 kHz PCM from a WAV, through the gateway's own reader (the one espeak-ng output goes through).</summary>
    internal static short[] ReadWav(string path)
    {
        Assert.True(Ambient.Gateway.Voice.WaveFile.TryRead(File.ReadAllBytes(path), out var audio, out var problem), problem);
        Assert.Equal(16_000, audio!.SampleRate);
        return audio.Samples;
    }
}
