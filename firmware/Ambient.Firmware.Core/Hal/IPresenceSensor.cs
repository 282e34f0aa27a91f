namespace Ambient.Firmware.Hal
{
    /// <summary>PIR output (HC-SR501 on an RTC GPIO so it can wake the magnet).</summary>
    public interface IPresenceSensor
    {
        bool IsPresent { get; }
    }
}
