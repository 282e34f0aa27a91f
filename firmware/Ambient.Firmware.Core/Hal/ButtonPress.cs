namespace Ambient.Firmware.Hal
{
    public enum ButtonPress : byte
    {
        None = 0,

        /// <summary>Released within a second.</summary>
        Tap = 1,

        /// <summary>Held one to three seconds.</summary>
        LongPress = 2,

        /// <summary>Still held (push to talk).</summary>
        Held = 3,
    }
}
