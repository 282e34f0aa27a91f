namespace Ambient.Firmware.Audio
{
    /// <summary>What <see cref="VoiceActivityGate.Process"/> says about the block just processed.</summary>
    public enum VoiceGateState : byte
    {
        /// <summary>Gate closed: keep listening, send nothing (the block is kept in the pre-roll).</summary>
        Silence = 0,

        /// <summary>The gate opened on this block: send the pre-roll (which ends with this block), then stream.</summary>
        SpeechStarting = 1,

        /// <summary>Gate open, this block is speech: send it.</summary>
        Speech = 2,

        /// <summary>Gate open, speech paused less than the hangover ago: send it (it may be a gap between syllables).</summary>
        Hangover = 3,

        /// <summary>The gate closed on this block (hangover ran out, or the longest utterance was reached): end the stream.</summary>
        Ended = 4,
    }
}
