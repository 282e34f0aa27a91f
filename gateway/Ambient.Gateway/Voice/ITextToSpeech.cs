namespace Ambient.Gateway.Voice;

/// <summary>Text in, speech out (mono PCM at the synthesizer's own rate). Failures throw <see cref="SpeechSynthesisException"/>.</summary>
public interface ITextToSpeech
{
    Task<SpeechAudio> SynthesizeAsync(string text, CancellationToken cancellationToken);
}
