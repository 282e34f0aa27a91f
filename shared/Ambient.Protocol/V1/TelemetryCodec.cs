namespace Ambient.Protocol.V1
{
    /// <summary>
    /// sample count u8, then per sample: offset varint (seconds after the frame timestamp), reading count u8,
    /// then per reading: kind u8 and (value − the kind's minimum) as varint. Storing the distance from the
    /// minimum keeps signed kinds (temperature, RSSI) non-negative and a typical reading at 3 bytes.
    /// </summary>
    internal static class TelemetryCodec
    {
        public static void Write(TelemetryMessage m, ref WireWriter w)
        {
            uint[] offsets = m.SampleOffsets;
            Reading[] readings = m.Readings;
            WireWriter.Require(offsets != null && offsets.Length >= 1 && offsets.Length <= FrameLayout.MaxSamples, "telemetry.samples");
            WireWriter.Require(readings != null, "telemetry.readings");
            w.WriteByte((byte)offsets.Length);
            int next = 0;
            for (int sample = 0; sample < offsets.Length; sample++)
            {
                int first = next;
                while (next < readings.Length && readings[next].Sample == sample)
                {
                    next++;
                }

                int count = next - first;
                WireWriter.Require(count >= 1 && count <= FrameLayout.MaxReadingsPerSample, "telemetry.sample.readings");
                w.WriteVarUInt(offsets[sample]);
                w.WriteByte((byte)count);
                uint seen = 0;
                for (int i = first; i < next; i++)
                {
                    SensorDescriptor descriptor = SensorCatalog.Find(readings[i].Kind);
                    WireWriter.Require(descriptor != null && (seen & KindBit(readings[i].Kind)) == 0, "telemetry.reading.kind");
                    WireWriter.Require(descriptor.Accepts(readings[i].Value), "telemetry.reading.value");
                    seen |= KindBit(readings[i].Kind);
                    w.WriteByte((byte)readings[i].Kind);
                    w.WriteVarUInt((uint)(readings[i].Value - descriptor.Minimum));
                }
            }

            // Readings must be grouped by sample in order; anything left over belongs to no sample.
            WireWriter.Require(next == readings.Length, "telemetry.reading.sample");
        }

        public static Message Read(ref WireReader r)
        {
            // Two passes over a few dozen bytes: the first validates and counts on a copy of the reader, so the
            // second fills arrays of exactly the right size (no growing lists, no generics on the device).
            WireReader counting = r;
            int samples;
            int readingCount = Walk(ref counting, null, null, out samples);
            if (counting.Failed)
            {
                r = counting;
                return null;
            }

            TelemetryMessage m = new TelemetryMessage();
            m.SampleOffsets = new uint[samples];
            m.Readings = new Reading[readingCount];
            Walk(ref r, m.SampleOffsets, m.Readings, out samples);
            return m;
        }

        private static int Walk(ref WireReader r, uint[] offsets, Reading[] readings, out int samples)
        {
            samples = r.ReadByte("telemetry.samples");
            if (!r.Check(samples >= 1, "telemetry.samples"))
            {
                return 0;
            }

            int total = 0;
            for (int sample = 0; sample < samples; sample++)
            {
                uint offset = r.ReadVarUInt("telemetry.sample.offset");
                int count = r.ReadByte("telemetry.sample.readings");
                if (!r.Check(count >= 1 && count <= FrameLayout.MaxReadingsPerSample, "telemetry.sample.readings"))
                {
                    return 0;
                }

                if (offsets != null)
                {
                    offsets[sample] = offset;
                }

                uint seen = 0;
                for (int i = 0; i < count; i++)
                {
                    SensorKind kind = (SensorKind)r.ReadByte("telemetry.reading.kind");
                    SensorDescriptor descriptor = SensorCatalog.Find(kind);
                    if (!r.Check(descriptor != null && (seen & KindBit(kind)) == 0, "telemetry.reading.kind"))
                    {
                        return 0;
                    }

                    seen |= KindBit(kind);
                    uint distance = r.ReadVarUInt("telemetry.reading.value");
                    if (!r.Check(distance <= (uint)(descriptor.Maximum - descriptor.Minimum), "telemetry.reading.value"))
                    {
                        return 0;
                    }

                    if (readings != null)
                    {
                        readings[total] = new Reading((byte)sample, kind, descriptor.Minimum + (int)distance);
                    }

                    total++;
                }
            }

            return total;
        }

        private static uint KindBit(SensorKind kind)
        {
            return 1u << ((int)kind & 31);
        }
    }
}
