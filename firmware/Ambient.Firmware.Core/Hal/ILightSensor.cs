namespace Ambient.Firmware.Hal
{
    /// <summary>Ambient light (BH1750) behind the real driver.</summary>
    public interface ILightSensor
    {
        bool TryReadLux(out int lux);
    }
}
