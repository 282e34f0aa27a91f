namespace Ambient.Protocol
{
    /// <summary>One sensor value of one sample in a telemetry batch.</summary>
    public struct Reading
    {
        public Reading(byte sample, SensorKind kind, int value)
        {
            Sample = sample;
            Kind = kind;
            Value = value;
        }

        /// <summary>Index of the sample in <see cref="TelemetryMessage.SampleOffsets"/>.</summary>
        public byte Sample { get; set; }

        public SensorKind Kind { get; set; }

        /// <summary>Scaled integer; unit and divisor in <see cref="SensorCatalog"/>.</summary>
        public int Value { get; set; }
    }
}
