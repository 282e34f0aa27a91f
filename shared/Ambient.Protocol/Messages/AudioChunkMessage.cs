namespace Ambient.Protocol
{
    /// <summary>
    /// One numbered piece of an audio stream, in either direction. Every chunk carries the stream header and its
    /// own ADPCM state, so a lost chunk costs only its own samples: the player can skip it without a click.
    /// </summary>
    public sealed class AudioChunkMessage : Message
    {
        public AudioChunkMessage()
            : base(MessageType.Audio)
        {
        }

        public ushort StreamId { get; set; }

        public ushort Index { get; set; }

        /// <summary>Chunks in the stream; 0 while a live stream does not know yet (then the Final flag ends it).</summary>
        public ushort Count { get; set; }

        public AudioFlags AudioFlags { get; set; }

        public AudioFormat Format { get; set; }

        public ushort SampleRate { get; set; }

        /// <summary>Samples in the whole stream; 0 when not known yet.</summary>
        public uint TotalSamples { get; set; }

        /// <summary>IMA ADPCM predictor at the start of this chunk (0 for PCM).</summary>
        public short Predictor { get; set; }

        /// <summary>IMA ADPCM step index (0..88) at the start of this chunk (0 for PCM).</summary>
        public byte StepIndex { get; set; }

        public byte[] Data { get; set; }
    }
}
