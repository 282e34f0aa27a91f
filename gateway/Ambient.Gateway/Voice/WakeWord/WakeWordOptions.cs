namespace Ambient.Gateway.Voice.WakeWord;

/// <summary>
/// "WakeWord" section: which model listens for the wake word and how its per-hop scores become detections.
/// Checked by <see cref="WakeWordOptionsValidator"/> (each error names its key).
/// </summary>
public sealed class WakeWordOptions
{
    public const string Section = "WakeWord";

    /// <summary>The model shipped with the gateway (gateway/model/wakeword/release, copied to the output's wakeword/).</summary>
    public static string DefaultModelPath => Path.Combine(AppContext.BaseDirectory, "wakeword", "hey_ambient.onnx");

    /// <summary>PCM-in ONNX model (gateway/model/wakeword/train.sh writes one for any phrase).</summary>
    public string ModelPath { get; set; } = DefaultModelPath;

    /// <summary>Smoothed score (0 … 1) at or above which the wake word counts as heard.</summary>
    public float Threshold { get; set; } = 0.5f;

    /// <summary>How many consecutive 80 ms scores are averaged before the threshold (1 = no smoothing).</summary>
    public int SmoothingHops { get; set; } = 2;

    /// <summary>
    /// No second detection this soon after one. At least the model's window (1.5 s) so one utterance, which stays in
    /// the window for up to that long, cannot trigger twice.
    /// </summary>
    public TimeSpan Refractory { get; set; } = TimeSpan.FromMilliseconds(1500);
}
