namespace Ambient.Gateway.Voice;

/// <summary>Voice log messages; event ids 3800–3849.</summary>
internal static partial class VoiceLog
{
    [LoggerMessage(3800, LogLevel.Warning, "Speech synthesis failed ({Reason}): {Detail}")]
    public static partial void SynthesisFailed(ILogger logger, string reason, string detail);

    [LoggerMessage(3801, LogLevel.Information, "Spoke stream {Stream} to {Devices}: {Chunks} chunks, {Seconds:F1} s of speech, synthesis {SynthesisMs:F0} ms")]
    public static partial void Spoken(ILogger logger, ushort stream, string devices, int chunks, double seconds, double synthesisMs);

    [LoggerMessage(3802, LogLevel.Warning, "Speech chunk {Index} of stream {Stream} not sent to {Device}: {Reason}")]
    public static partial void NotSent(ILogger logger, string device, ushort stream, int index, string reason);

    [LoggerMessage(3803, LogLevel.Debug, "{Device} asked again for chunk {Index} of stream {Stream}, which is no longer kept")]
    public static partial void ResendRefused(ILogger logger, string device, ushort stream, ushort index);

    [LoggerMessage(3804, LogLevel.Warning, "The text writer failed for {Intent}; speaking the fixed sentence")]
    public static partial void WriterFailed(ILogger logger, string intent, Exception exception);

    [LoggerMessage(3805, LogLevel.Debug, "Uplink chunk {Index} of stream {Stream} from {Device} refused: {Problem}")]
    public static partial void UplinkRefused(ILogger logger, string device, ushort stream, ushort index, string problem);

    [LoggerMessage(3806, LogLevel.Information, "Utterance {Stream} from {Device}: {Seconds:F1} s, {Missing} of {Chunks} chunks missing{Ending}")]
    public static partial void Utterance(ILogger logger, string device, ushort stream, double seconds, int missing, int chunks, string ending);

    [LoggerMessage(3807, LogLevel.Information, "Wake word heard on {Device} (stream {Stream}, score {Score:F2})")]
    public static partial void WakeWord(ILogger logger, string device, ushort stream, float score);

    [LoggerMessage(3808, LogLevel.Information, "Answered {Device}: \"{Text}\" ({MadeBy})")]
    public static partial void Answered(ILogger logger, string device, string text, string madeBy);

    [LoggerMessage(3809, LogLevel.Warning, "Could not speak to {Devices}: {Reason}")]
    public static partial void NotSpoken(ILogger logger, string devices, string reason);

    [LoggerMessage(3810, LogLevel.Warning, "A voice job failed")]
    public static partial void JobFailed(ILogger logger, Exception exception);

    [LoggerMessage(3811, LogLevel.Debug, "Reminder {Id} due, but no earbud is provisioned to speak it")]
    public static partial void NoEarbud(ILogger logger, long id);

    [LoggerMessage(3812, LogLevel.Information, "Reminder {Id} due in the household's quiet hours: not spoken (shown on the magnets)")]
    public static partial void QuietHours(ILogger logger, long id);
}
