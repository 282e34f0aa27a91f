namespace Ambient.Firmware.Hal
{
    /// <summary>The earbud's button; the driver classifies presses (nanoFramework: Iot.Device.Button GpioButton).</summary>
    public interface IButton
    {
        /// <summary>The press since the last call, or <see cref="ButtonPress.None"/>.</summary>
        ButtonPress TakePress();
    }
}
