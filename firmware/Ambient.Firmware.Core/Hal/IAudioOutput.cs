namespace Ambient.Firmware.Hal
{
    /// <summary>I2S amplifier (MAX98357A), 16 kHz 16-bit mono PCM, written in blocks.</summary>
    public interface IAudioOutput
    {
        void Write(byte[] buffer, int offset, int count);
    }
}
