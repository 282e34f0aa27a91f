namespace Ambient.Gateway.Voice.WakeWord;

/// <summary>
/// One uplink stream's detector state: the last <see cref="WakeWordDetector.WindowSamples"/> samples (silence at
/// first), a hop of new samples being filled, the last few scores for smoothing and the time since the last
/// detection. Every full hop of 1,280 new samples (80 ms) shifts the window and runs the model once; a detection is
/// the smoothed score at or above the threshold on <see cref="WakeWordOptions.TriggerHops"/> consecutive hops, outside
/// the refractory period. Not thread-safe: one feeder per stream.
/// Allocation-free per hop apart from ONNX Runtime's two small tensor handles.
/// </summary>
public sealed class WakeWordStream : IWakeWordListener
{
    private readonly WakeWordDetector detector;
    private readonly float[] window;
    private readonly float[] hop = new float[WakeWordDetector.HopSamples];
    private readonly float[] score = new float[1];
    private readonly float[] recent;
    private int hopFill;
    private int hopsAbove;
    private long samplesSinceDetection = long.MaxValue / 2;

    internal WakeWordStream(WakeWordDetector detector)
    {
        this.detector = detector;
        window = new float[detector.WindowSamples];
        recent = new float[detector.Options.SmoothingHops];
    }

    /// <summary>The model's probability for the latest 80 ms hop, 0 … 1 (0 before the first full hop).</summary>
    public float LastScore { get; private set; }

    /// <summary>The average of the last <see cref="WakeWordOptions.SmoothingHops"/> scores: what the threshold sees.</summary>
    internal float LastSmoothedScore { get; private set; }

    /// <summary>Hops scored so far (the model ran this many times).</summary>
    internal long Hops { get; private set; }

    /// <summary>Samples fed so far.</summary>
    internal long SamplesFed { get; private set; }

    /// <summary>Feeds 16 kHz mono PCM in any piece size; true when the wake word was detected within these samples.</summary>
    public bool Feed(ReadOnlySpan<short> pcm16kMono)
    {
        var detected = false;
        SamplesFed += pcm16kMono.Length;
        while (!pcm16kMono.IsEmpty)
        {
            var take = Math.Min(pcm16kMono.Length, hop.Length - hopFill);
            for (var i = 0; i < take; i++)
            {
                hop[hopFill + i] = pcm16kMono[i] * (1f / 32768f);
            }

            hopFill += take;
            pcm16kMono = pcm16kMono[take..];
            if (hopFill == hop.Length)
            {
                hopFill = 0;
                detected |= RunHop();
            }
        }

        return detected;
    }

    private bool RunHop()
    {
        Array.Copy(window, hop.Length, window, 0, window.Length - hop.Length);
        Array.Copy(hop, 0, window, window.Length - hop.Length, hop.Length);
        detector.Score(window, score);
        var s = score[0];
        LastScore = s;
        recent[Hops % recent.Length] = s;
        Hops++;
        var n = (int)Math.Min(Hops, recent.Length);
        var sum = 0f;
        for (var i = 0; i < n; i++)
        {
            sum += recent[i];
        }

        LastSmoothedScore = sum / n;
        samplesSinceDetection += hop.Length;
        hopsAbove = LastSmoothedScore >= detector.Options.Threshold ? hopsAbove + 1 : 0;
        if (hopsAbove >= detector.Options.TriggerHops && samplesSinceDetection >= detector.RefractorySamples)
        {
            samplesSinceDetection = 0;
            return true;
        }

        return false;
    }
}
