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

    /// <summary>
    /// PCM-in ONNX model (gateway/model/wakeword/train.sh writes one for any phrase; the shipped one is an ensemble of seven
    /// classifiers in one graph, the sigmoid of the mean of their logits).
    /// </summary>
    public string ModelPath { get; set; } = DefaultModelPath;

    /// <summary>
    /// Smoothed score (0 … 1) at or above which the wake word counts as heard. The default is the shipped model's
    /// calibrated operating point (release/manifest.json → config.suggested_detector): on 3 h of household speech the
    /// model never trained on, at most 0.5 false accepts per hour, and of those rules the strictest that still finds
    /// 96 % of the calibration's positives (gateway/model/wakeword/train.py, calibration_rule; ensemble.py for an
    /// ensemble). Raise it for fewer accepts of near-miss phrases ("hey Andy") at the cost of misses.
    /// </summary>
    public float Threshold { get; set; } = 0.93f;

    /// <summary>How many consecutive 80 ms scores are averaged before the threshold (1 = no smoothing, the calibrated default; 2 = the mean of the last two).</summary>
    public int SmoothingHops { get; set; } = 1;

    /// <summary>
    /// How many consecutive hops the smoothed score must stay at or above <see cref="Threshold"/> before the wake word
    /// counts as heard (1 = the first such hop). A single loud hop on a similar word is the typical false accept; the
    /// real phrase keeps the score up while it moves through the 1.5 s window. Each hop adds 80 ms of latency.
    /// </summary>
    public int TriggerHops { get; set; } = 1;

    /// <summary>
    /// No second detection this soon after one. At least the model's window (1.5 s) so one utterance, which stays in
    /// the window for up to that long, cannot trigger twice.
    /// </summary>
    public TimeSpan Refractory { get; set; } = TimeSpan.FromMilliseconds(1500);
}
