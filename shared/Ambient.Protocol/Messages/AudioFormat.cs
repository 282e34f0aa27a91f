namespace Ambient.Protocol
{
    public enum AudioFormat : byte
    {
        /// <summary>16-bit little-endian PCM, mono.</summary>
        Pcm16 = 1,

        /// <summary>IMA ADPCM, 4 bits per sample, mono; each chunk starts from its own predictor and step index.</summary>
        ImaAdpcm = 2,
    }
}
