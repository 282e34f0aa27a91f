namespace Ambient.Protocol.V1
{
    /// <summary>
    /// stream id u16 · index u16 · count u16 · audio flags u8 · format u8 · sample rate u16 · total samples u32 ·
    /// predictor i16 · step index u8 · data length varint · data.
    /// </summary>
    internal static class AudioCodec
    {
        private const int MinSampleRate = 8000;
        private const int MaxSampleRate = 48000;

        public static void Write(AudioChunkMessage m, ref WireWriter w)
        {
            WireWriter.Require(m.Count == 0 || m.Index < m.Count, "audio.index");
            WireWriter.Require(((byte)m.AudioFlags & ~(byte)AudioFlags.Final) == 0, "audio.flags");
            WireWriter.Require(IsFormat(m.Format), "audio.format");
            WireWriter.Require(m.SampleRate >= MinSampleRate && m.SampleRate <= MaxSampleRate, "audio.sample_rate");
            WireWriter.Require(IsState(m.Format, m.Predictor, m.StepIndex), "audio.state");
            WireWriter.Require(m.Data != null && IsDataLength(m.Format, m.Data.Length), "audio.data");
            w.WriteUInt16(m.StreamId);
            w.WriteUInt16(m.Index);
            w.WriteUInt16(m.Count);
            w.WriteByte((byte)m.AudioFlags);
            w.WriteByte((byte)m.Format);
            w.WriteUInt16(m.SampleRate);
            w.WriteUInt32(m.TotalSamples);
            w.WriteUInt16((ushort)m.Predictor);
            w.WriteByte(m.StepIndex);
            w.WriteVarUInt((uint)m.Data.Length);
            w.WriteBytes(m.Data, 0, m.Data.Length);
        }

        public static Message Read(ref WireReader r)
        {
            AudioChunkMessage m = new AudioChunkMessage();
            m.StreamId = r.ReadUInt16("audio.stream");
            m.Index = r.ReadUInt16("audio.index");
            m.Count = r.ReadUInt16("audio.count");
            r.Check(m.Count == 0 || m.Index < m.Count, "audio.index");
            byte flags = r.ReadByte("audio.flags");
            r.Check((flags & ~(byte)AudioFlags.Final) == 0, "audio.flags");
            m.AudioFlags = (AudioFlags)flags;
            m.Format = (AudioFormat)r.ReadByte("audio.format");
            r.Check(IsFormat(m.Format), "audio.format");
            m.SampleRate = r.ReadUInt16("audio.sample_rate");
            r.Check(m.SampleRate >= MinSampleRate && m.SampleRate <= MaxSampleRate, "audio.sample_rate");
            m.TotalSamples = r.ReadUInt32("audio.total_samples");
            m.Predictor = r.ReadInt16("audio.state");
            m.StepIndex = r.ReadByte("audio.state");
            r.Check(IsState(m.Format, m.Predictor, m.StepIndex), "audio.state");
            uint length = r.ReadVarUInt("audio.data");
            if (r.Check(length <= FrameLayout.MaxAudioBytes && IsDataLength(m.Format, (int)length), "audio.data"))
            {
                m.Data = r.ReadBytes((int)length, "audio.data");
            }

            return m;
        }

        private static bool IsFormat(AudioFormat format)
        {
            return format == AudioFormat.Pcm16 || format == AudioFormat.ImaAdpcm;
        }

        // PCM has no coder state; ADPCM's step index indexes an 89-entry table.
        private static bool IsState(AudioFormat format, short predictor, byte stepIndex)
        {
            return format == AudioFormat.ImaAdpcm ? stepIndex <= FrameLayout.MaxStepIndex : predictor == 0 && stepIndex == 0;
        }

        private static bool IsDataLength(AudioFormat format, int length)
        {
            return length <= FrameLayout.MaxAudioBytes && (format != AudioFormat.Pcm16 || length % 2 == 0);
        }
    }
}
