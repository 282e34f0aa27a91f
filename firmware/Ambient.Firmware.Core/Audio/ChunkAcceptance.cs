namespace Ambient.Firmware.Audio
{
    /// <summary>What <see cref="JitterBuffer.Offer"/> did with a chunk.</summary>
    public enum ChunkAcceptance : byte
    {
        /// <summary>Stored for playback (a chunk of a new stream id also ends the previous stream).</summary>
        Accepted = 0,

        /// <summary>Already stored: a QoS 1 redelivery or a second answer to a re-request.</summary>
        Duplicate = 1,

        /// <summary>Its turn has passed (played, or bridged with silence).</summary>
        Late = 2,

        /// <summary>Too far ahead of playback for the buffer's capacity, or past the stream's last chunk.</summary>
        OutOfWindow = 3,

        /// <summary>No data, a format other than IMA ADPCM or PCM16, odd PCM length, or a step index over 88.</summary>
        Unsupported = 4,
    }
}
