using System;

namespace Ambient.Protocol.Audio
{
    /// <summary>
    /// Encodes 16-bit little-endian mono PCM to 4-bit IMA ADPCM, low nibble first. The state carries over between
    /// calls, so a stream is encoded in pieces; read <see cref="Predictor"/> and <see cref="StepIndex"/> before
    /// each chunk and put them in the chunk's header. Integer only, one table lookup per sample, no allocation.
    /// Algorithm: IMA "Recommended Practices …" rev. 3.00 (1992), §6.3 (the encoder mirrors the decoder's
    /// reconstruction, so both sides keep the same predictor).
    /// </summary>
    public sealed class ImaAdpcmEncoder
    {
        private static readonly int[] Steps = ImaAdpcmTables.Steps;
        private static readonly int[] IndexDeltas = ImaAdpcmTables.IndexDeltas;

        private int predictor;
        private int stepIndex;

        /// <summary>The decoder's reconstruction of the last sample encoded (the next chunk's header predictor).</summary>
        public short Predictor
        {
            get { return (short)predictor; }
        }

        /// <summary>Step index 0 … 88 for the next sample (the next chunk's header step index).</summary>
        public byte StepIndex
        {
            get { return (byte)stepIndex; }
        }

        /// <summary>Starts from a given state, e.g. (0, 0) at the start of a stream.</summary>
        public void Reset(short predictor, byte stepIndex)
        {
            if (stepIndex > ImaAdpcmTables.MaxStepIndex)
            {
                throw new ArgumentOutOfRangeException(nameof(stepIndex));
            }

            this.predictor = predictor;
            this.stepIndex = stepIndex;
        }

        /// <summary>
        /// Encodes <paramref name="sampleCount"/> samples (2 bytes each) from <paramref name="pcm"/> at
        /// <paramref name="pcmOffset"/> into <paramref name="adpcm"/> at <paramref name="adpcmOffset"/>; returns
        /// the bytes written, <see cref="ImaAdpcm.EncodedByteCount"/>. An odd count leaves the last high nibble 0
        /// (the state advances only for real samples, so the next call continues exactly).
        /// </summary>
        public int Encode(byte[] pcm, int pcmOffset, int sampleCount, byte[] adpcm, int adpcmOffset)
        {
            if (pcm == null || adpcm == null)
            {
                throw new ArgumentNullException(pcm == null ? nameof(pcm) : nameof(adpcm));
            }

            int bytes = ImaAdpcm.EncodedByteCount(sampleCount);
            if (sampleCount < 0 || pcmOffset < 0 || adpcmOffset < 0 || pcmOffset + (sampleCount * 2) > pcm.Length
                || adpcmOffset + bytes > adpcm.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(sampleCount));
            }

            int p = pcmOffset;
            int o = adpcmOffset;
            for (int i = 0; i < sampleCount; i++)
            {
                int code = EncodeSample((short)(pcm[p] | (pcm[p + 1] << 8)));
                p += 2;
                if ((i & 1) == 0)
                {
                    adpcm[o] = (byte)code;
                }
                else
                {
                    adpcm[o] = (byte)(adpcm[o] | (code << 4));
                    o++;
                }
            }

            return bytes;
        }

        private int EncodeSample(int sample)
        {
            int step = Steps[stepIndex];
            int diff = sample - predictor;
            int code = 0;
            if (diff < 0)
            {
                code = 8;
                diff = -diff;
            }

            // Successive approximation of diff / step in three bits; vpdiff is what the decoder will add.
            int vpdiff = step >> 3;
            if (diff >= step)
            {
                code |= 4;
                diff -= step;
                vpdiff += step;
            }

            step >>= 1;
            if (diff >= step)
            {
                code |= 2;
                diff -= step;
                vpdiff += step;
            }

            step >>= 1;
            if (diff >= step)
            {
                code |= 1;
                vpdiff += step;
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

            return code;
        }
    }
}
