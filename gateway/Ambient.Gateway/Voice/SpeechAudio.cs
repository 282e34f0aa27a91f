namespace Ambient.Gateway.Voice;

/// <summary>Mono 16-bit PCM at <see cref="SampleRate"/> Hz.</summary>
public sealed record SpeechAudio(short[] Samples, int SampleRate)
{
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);
}
