namespace Ambient.Protocol.Audio
{
    /// <summary>
    /// Sizes of 4-bit IMA ADPCM data (mono, two samples per byte, low nibble first, as in WAVE_FORMAT_DVI_ADPCM).
    /// The coder itself is <see cref="ImaAdpcmEncoder"/> / <see cref="ImaAdpcmDecoder"/>; their state is exactly
    /// what an <see cref="AudioChunkMessage"/> carries (<c>Predictor</c>, <c>StepIndex</c>), so each chunk decodes
    /// on its own and a lost chunk costs only its own samples.
    /// </summary>
    public static class ImaAdpcm
    {
        /// <summary>Highest valid step index (the step table has 89 entries).</summary>
        public const int MaxStepIndex = ImaAdpcmTables.MaxStepIndex;

        /// <summary>Bytes of ADPCM for <paramref name="sampleCount"/> samples; an odd count pads the last high nibble.</summary>
        public static int EncodedByteCount(int sampleCount)
        {
            return (sampleCount + 1) >> 1;
        }

        /// <summary>Samples held in <paramref name="byteCount"/> bytes of ADPCM (the last may be the pad nibble).</summary>
        public static int SampleCount(int byteCount)
        {
            return byteCount << 1;
        }

        /// <summary>True when a coder can start from this step index (any predictor is valid).</summary>
        public static bool IsValidStepIndex(int stepIndex)
        {
            return stepIndex >= 0 && stepIndex <= MaxStepIndex;
        }
    }
}
