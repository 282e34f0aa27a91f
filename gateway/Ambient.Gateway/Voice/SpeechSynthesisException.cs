namespace Ambient.Gateway.Voice;

/// <summary>Speech could not be made; <see cref="Reason"/> is the counted name (<see cref="SynthesisFailure"/>).</summary>
public sealed class SpeechSynthesisException : Exception
{
    public SpeechSynthesisException()
        : this(SynthesisFailure.ProcessFailed, "speech synthesis failed")
    {
    }

    public SpeechSynthesisException(string message)
        : this(SynthesisFailure.ProcessFailed, message)
    {
    }

    public SpeechSynthesisException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = SynthesisFailure.ProcessFailed;
    }

    public SpeechSynthesisException(string reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    public string Reason { get; }
}
