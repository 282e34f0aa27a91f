namespace Ambient.Protocol
{
    /// <summary>
    /// A batch of samples, each a moment with one or more readings. Sample i has sequence number
    /// <c>Sequence + i</c> and time <c>Timestamp + SampleOffsets[i]</c>, so replaying the batch from a ring buffer
    /// keeps every sample's identity. Readings are stored flat, sample by sample, so decoding costs two arrays.
    /// </summary>
    public sealed class TelemetryMessage : Message
    {
        public TelemetryMessage()
            : base(MessageType.Telemetry)
        {
        }

        /// <summary>Seconds from the frame timestamp to each sample.</summary>
        public uint[] SampleOffsets { get; set; }

        /// <summary>Readings ordered by <see cref="Reading.Sample"/>; every sample has at least one.</summary>
        public Reading[] Readings { get; set; }

        public uint SequenceOf(int sample)
        {
            return Sequence + (uint)sample;
        }

        public uint TimestampOf(int sample)
        {
            return Timestamp + SampleOffsets[sample];
        }
    }
}
