namespace Ambient.Firmware.Hal
{
    /// <summary>I2S microphone, 16 kHz 16-bit mono PCM, read in blocks (DMA does the per-sample work).</summary>
    public interface IAudioInput
    {
        /// <summary>Fills up to <paramref name="count"/> bytes of little-endian PCM; returns bytes read.</summary>
        int Read(byte[] buffer, int offset, int count);
    }
}
