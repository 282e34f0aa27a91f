using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Display
{
    /// <summary>One line of text placed on the panel: top-left corner in pixels and the font it is set in.</summary>
    public struct LaidOutLine
    {
        public LaidOutLine(string text, int x, int y, DisplayFont font)
        {
            Text = text;
            X = x;
            Y = y;
            Font = font;
        }

        public string Text { get; }

        public int X { get; }

        public int Y { get; }

        public DisplayFont Font { get; }
    }
}
