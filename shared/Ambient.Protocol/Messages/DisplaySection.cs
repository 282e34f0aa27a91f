namespace Ambient.Protocol
{
    public sealed class DisplaySection
    {
        public DisplaySection()
        {
        }

        public DisplaySection(LayoutHint hint, string text)
        {
            Hint = hint;
            Text = text;
        }

        public LayoutHint Hint { get; set; }

        /// <summary>Unwrapped text; the device wraps it to its panel.</summary>
        public string Text { get; set; }
    }
}
