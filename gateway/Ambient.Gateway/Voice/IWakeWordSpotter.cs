namespace Ambient.Gateway.Voice;

/// <summary>
/// The seam to the wake-word detector (Voice/WakeWord): when one is registered, every uplink stream is fed to a
/// fresh <see cref="IWakeWordListener"/> as its audio comes in, in order; a detection asks "what's next?". Without
/// one only the earbud's talk button (its Wake event) does.
/// </summary>
public interface IWakeWordSpotter
{
    IWakeWordListener Listen();
}

/// <summary>One stream's detector state.</summary>
public interface IWakeWordListener
{
    /// <summary>Feeds 16 kHz mono PCM; true when the wake word was heard in what has been fed so far.</summary>
    bool Feed(ReadOnlySpan<short> pcm16kMono);

    /// <summary>The detector's last score, 0 … 1.</summary>
    float LastScore { get; }
}
