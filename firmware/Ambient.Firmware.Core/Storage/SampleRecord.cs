using Ambient.Protocol;

namespace Ambient.Firmware.Storage
{
    /// <summary>
    /// One sample as the ring buffer stores it: identity (boot, sequence), time, and up to
    /// <see cref="MaxReadings"/> readings. Instances are reused across reads (no per-sample allocation on the device).
    /// </summary>
    public sealed class SampleRecord
    {
        public const int MaxReadings = 8;

        public SampleRecord()
        {
            Kinds = new SensorKind[MaxReadings];
            Values = new int[MaxReadings];
        }

        public ushort BootId { get; set; }

        public uint Sequence { get; set; }

        /// <summary>Unix seconds, or seconds since power-on when <see cref="TimeUnsynced"/>.</summary>
        public uint Timestamp { get; set; }

        public bool TimeUnsynced { get; set; }

        public int Count { get; set; }

        public SensorKind[] Kinds { get; }

        public int[] Values { get; }

        /// <summary>Where the record sits in the log (logical offset); set by the log.</summary>
        public long Position { get; set; }

        public void Clear()
        {
            Count = 0;
        }

        public void Add(SensorKind kind, int value)
        {
            if (Count < MaxReadings)
            {
                Kinds[Count] = kind;
                Values[Count] = value;
                Count++;
            }
        }

        public void CopyFrom(SampleRecord other)
        {
            BootId = other.BootId;
            Sequence = other.Sequence;
            Timestamp = other.Timestamp;
            TimeUnsynced = other.TimeUnsynced;
            Position = other.Position;
            Count = other.Count;
            for (int i = 0; i < other.Count; i++)
            {
                Kinds[i] = other.Kinds[i];
                Values[i] = other.Values[i];
            }
        }
    }
}
