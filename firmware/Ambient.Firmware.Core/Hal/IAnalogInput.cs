namespace Ambient.Firmware.Hal
{
    /// <summary>One ADC channel (nanoFramework: AdcController.OpenChannel(n).ReadValue()), raw 12-bit counts.</summary>
    public interface IAnalogInput
    {
        int ReadRaw();
    }
}
