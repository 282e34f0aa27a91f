namespace Ambient.Firmware.Hal
{
    /// <summary>A GPIO output, e.g. the soil probe's power switch (powered only while measuring).</summary>
    public interface IDigitalOutput
    {
        void Write(bool high);
    }
}
