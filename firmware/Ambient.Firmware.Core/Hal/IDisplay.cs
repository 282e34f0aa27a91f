namespace Ambient.Firmware.Hal
{
    /// <summary>
    /// A monochrome e-paper panel (296×128 on the magnet) with fixed-width bitmap fonts. Drawing goes to the frame
    /// buffer; <see cref="Refresh"/> pushes it to the panel, partially (fast, may ghost) or fully (slow, clean).
    /// </summary>
    public interface IDisplay
    {
        int Width { get; }

        int Height { get; }

        void Clear();

        /// <summary>Draws one line of text with its top-left corner at (x, y).</summary>
        void DrawText(string text, int x, int y, DisplayFont font);

        void Refresh(bool full);

        /// <summary>Powers the panel controller down; the image stays without power.</summary>
        void Sleep();
    }
}
