using System;

namespace Ambient.Protocol.Audio
{
    /// <summary>
    /// Decodes 4-bit IMA ADPCM (low nibble first) to 16-bit little-endian mono PCM. Start each chunk with
    /// <see cref="Reset"/> from the chunk header's predictor and step index; the state then carries over between
    /// calls, so a chunk can be decoded in pieces of any size, starting at any sample (odd ones too).
    /// Integer only, one table lookup per sample, no allocation.
    /// Algorithm: IMA "Recommended Practices …" rev. 3.00 (1992), §6.4.
    /// </summary>
    public sealed class ImaAdpcmDecoder
    {
        private static readonly int[] Steps = ImaAdpcmTables.Steps;
        private static readonly int[] IndexDeltas = ImaAdpcmTables.IndexDeltas;

        private int predictor;
        private int stepIndex;

        /// <summary>The last sample decoded (or the reset value).</summary>
        public short Predictor
        {
            get { return (short)predictor; }
        }

        /// <summary>Step index 0 … 88 for the next sample.</summary>
        public byte StepIndex
        {
            get { return (byte)stepIndex; }
        }

        /// <summary>Starts from a chunk header's state.</summary>
        public void Reset(short predictor, byte stepIndex)
        {
            if (stepIndex > ImaAdpcmTables.MaxStepIndex)
            {
                throw new ArgumentOutOfRangeException(nameof(stepIndex));
            }

            this.predictor = predictor;
            this.stepIndex = stepIndex;
        }

        /// <summary>Decodes <paramref name="sampleCount"/> samples from the start of the ADPCM data; returns PCM bytes written.</summary>
        public int Decode(byte[] adpcm, int adpcmOffset, int sampleCount, byte[] pcm, int pcmOffset)
        {
            return Decode(adpcm, adpcmOffset, 0, sampleCount, pcm, pcmOffset);
        }

        /// <summary>
        /// Decodes samples <paramref name="firstSample"/> … <paramref name="firstSample"/> + <paramref name="sampleCount"/>
        /// − 1 of the ADPCM data that starts at <paramref name="adpcmOffset"/> (sample 2k is the low nibble of byte
        /// k) into <paramref name="pcm"/> at <paramref name="pcmOffset"/>; returns the PCM bytes written. The
        /// decoder must be in the state after sample <paramref name="firstSample"/> − 1, i.e. continue a
        /// previous call on the same data.
        /// </summary>
        public int Decode(byte[] adpcm, int adpcmOffset, int firstSample, int sampleCount, byte[] pcm, int pcmOffset)
        {
            if (adpcm == null || pcm == null)
            {
                throw new ArgumentNullException(adpcm == null ? nameof(adpcm) : nameof(pcm));
            }

            if (sampleCount < 0 || firstSample < 0 || adpcmOffset < 0 || pcmOffset < 0
                || adpcmOffset + ImaAdpcm.EncodedByteCount(firstSample + sampleCount) > adpcm.Length
                || pcmOffset + (sampleCount * 2) > pcm.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(sampleCount));
            }

            int o = pcmOffset;
            int end = firstSample + sampleCount;
            for (int n = firstSample; n < end; n++)
            {
                int b = adpcm[adpcmOffset + (n >> 1)];
                int sample = DecodeNibble((n & 1) == 0 ? b & 0x0F : b >> 4);
                pcm[o] = (byte)sample;
                pcm[o + 1] = (byte)(sample >> 8);
                o += 2;
            }

            return sampleCount * 2;
        }

        private int DecodeNibble(int code)
        {
            int step = Steps[stepIndex];

            // vpdiff = (code & 7 + 1/2) * step / 4, computed by shifts as the spec does so that every
            // decoder (and our encoder) rounds identically.
            int vpdiff = step >> 3;
            if ((code & 4) != 0)
            {
                vpdiff += step;
            }

            if ((code & 2) != 0)
            {
                vpdiff += step >> 1;
            }

            if ((code & 1) != 0)
            {
                vpdiff += step >> 2;
            }

            predictor = (code & 8) != 0 ? predictor - vpdiff : predictor + vpdiff;
            if (predictor > short.MaxValue)
            {
                predictor = short.MaxValue;
            }
            else if (predictor < short.MinValue)
            {
                predictor = short.MinValue;
            }

            stepIndex += IndexDeltas[code];
            if (stepIndex < 0)
            {
                stepIndex = 0;
            }
            else if (stepIndex > ImaAdpcmTables.MaxStepIndex)
            {
                stepIndex = ImaAdpcmTables.MaxStepIndex;
            }

            return predictor;
        }
    }
}
