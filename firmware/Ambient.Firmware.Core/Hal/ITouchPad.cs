namespace Ambient.Firmware.Hal
{
    /// <summary>ESP32 capacitive touch pad.</summary>
    public interface ITouchPad
    {
        bool IsTouched { get; }
    }
}
