namespace Ambient.Gateway.Voice;

/// <summary>Why a synthesis failed, as counted in <see cref="VoiceCounters"/> and shown in logs.</summary>
public static class SynthesisFailure
{
    public const string EmptyText = "empty_text";
    public const string TextTooLong = "text_too_long";
    public const string NotInstalled = "not_installed";
    public const string Timeout = "timeout";
    public const string ProcessFailed = "process_failed";
    public const string BadWave = "bad_wave";
    public const string NoAudio = "no_audio";
}
