using System;
using Ambient.Firmware.Hal;
using Ambient.Protocol;
using Ambient.Protocol.V1;

namespace Ambient.Firmware.Display
{
    /// <summary>
    /// Sets a <see cref="DisplayMessage"/> on the magnet's panel (296×128 e-paper; 37 columns of the 8×16 font,
    /// 24 of the 12×24 one). The greeting goes on top in the large font when it fits in
    /// <see cref="MaxHeadlineLines"/> large lines (otherwise in the small font, so nothing is lost to the bigger
    /// glyphs); the other sections follow in message order, one small-font block each, each starting on a new
    /// line.
    /// When the panel is too small, every section first gets one line, the lowest-priority sections
    /// (<see cref="SectionPriority"/>, the last one first among equals) are dropped until those lines fit, and
    /// the remaining lines go to sections in priority order; a section cut short ends in an ellipsis.
    /// No line ever leaves the panel. Buffers are sized once at construction.
    /// </summary>
    public sealed class MagnetLayout
    {
        public const int PanelWidth = 296;
        public const int PanelHeight = 128;

        /// <summary>A greeting longer than this many large-font lines is set in the small font instead.</summary>
        public const int MaxHeadlineLines = 2;

        /// <summary>Space between the headline and the small text, taken only from height no line can use.</summary>
        public const int HeadlineGap = 4;

        private readonly int width;
        private readonly int height;
        private readonly LaidOutLine[] lines;
        private readonly string[] scratch;
        private readonly DisplayFont[] fonts = new DisplayFont[FrameLayout.MaxDisplaySections];
        private readonly int[] needed = new int[FrameLayout.MaxDisplaySections];
        private readonly int[] given = new int[FrameLayout.MaxDisplaySections];
        private readonly bool[] kept = new bool[FrameLayout.MaxDisplaySections];
        private readonly bool[] served = new bool[FrameLayout.MaxDisplaySections];

        public MagnetLayout()
            : this(PanelWidth, PanelHeight)
        {
        }

        public MagnetLayout(int width, int height)
        {
            if (width < FontMetrics.CharWidth(DisplayFont.Large) || height < FontMetrics.LineHeight(DisplayFont.Small))
            {
                throw new ArgumentOutOfRangeException(nameof(width));
            }

            this.width = width;
            this.height = height;
            int maxLines = height / FontMetrics.LineHeight(DisplayFont.Small);
            lines = new LaidOutLine[maxLines];
            scratch = new string[maxLines];
        }

        /// <summary>Lines placed by the last <see cref="Arrange"/>, top to bottom.</summary>
        public int LineCount { get; private set; }

        /// <summary>Sections of the last message that got no line at all (empty sections are not counted).</summary>
        public int DroppedSections { get; private set; }

        /// <summary>True when some kept section was cut short (its last line ends in an ellipsis).</summary>
        public bool Truncated { get; private set; }

        public LaidOutLine GetLine(int index)
        {
            if (index < 0 || index >= LineCount)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return lines[index];
        }

        /// <summary>Lays the message out; returns the number of lines (read them with <see cref="GetLine"/>).</summary>
        public int Arrange(DisplayMessage message)
        {
            LineCount = 0;
            DroppedSections = 0;
            Truncated = false;
            DisplaySection[] sections = message == null ? null : message.Sections;
            if (sections == null)
            {
                return 0;
            }

            int count = sections.Length;
            if (count > FrameLayout.MaxDisplaySections)
            {
                // The wire allows no more; a message built locally with more loses its tail.
                DroppedSections = count - FrameLayout.MaxDisplaySections;
                count = FrameLayout.MaxDisplaySections;
            }

            int used = Measure(sections, count);
            used = DropUntilFits(sections, count, used);
            int spare = Share(sections, count, height - used);

            int y = Place(sections, count, true, 0);
            if (LineCount > 0 && lines[0].Font == DisplayFont.Large)
            {
                y += spare < HeadlineGap ? spare : HeadlineGap;
            }

            Place(sections, count, false, y);
            return LineCount;
        }

        /// <summary>
        /// Clears the frame buffer (the previous screen must not show through), draws every line, then refreshes
        /// the panel fully or partially as the message asks.
        /// </summary>
        public void Draw(DisplayMessage message, IDisplay display)
        {
            Arrange(message);
            display.Clear();
            for (int i = 0; i < LineCount; i++)
            {
                LaidOutLine line = lines[i];
                display.DrawText(line.Text, line.X, line.Y, line.Font);
            }

            display.Refresh(message != null && message.FullRefresh);
        }

        // Chooses each section's font and counts the lines it would like; returns the height of one line each.
        private int Measure(DisplaySection[] sections, int count)
        {
            int smallColumns = width / FontMetrics.CharWidth(DisplayFont.Small);
            int largeColumns = width / FontMetrics.CharWidth(DisplayFont.Large);
            int used = 0;
            for (int i = 0; i < count; i++)
            {
                DisplaySection section = sections[i];
                string text = section == null ? null : section.Text;
                fonts[i] = DisplayFont.Small;
                if (section != null && section.Hint == LayoutHint.Greeting
                    && TextWrapper.CountLines(text, largeColumns, MaxHeadlineLines + 1) <= MaxHeadlineLines)
                {
                    fonts[i] = DisplayFont.Large;
                }

                int columns = fonts[i] == DisplayFont.Large ? largeColumns : smallColumns;
                needed[i] = TextWrapper.CountLines(text, columns, lines.Length + 1);
                given[i] = needed[i] > 0 ? 1 : 0;
                kept[i] = needed[i] > 0;
                served[i] = false;
                if (kept[i])
                {
                    used += FontMetrics.LineHeight(fonts[i]);
                }
            }

            return used;
        }

        // Drops the lowest-priority section (the last among equals) until one line per kept section fits.
        private int DropUntilFits(DisplaySection[] sections, int count, int used)
        {
            while (used > height)
            {
                int victim = -1;
                for (int i = 0; i < count; i++)
                {
                    if (kept[i] && (victim < 0 || SectionPriority.Of(sections[i].Hint) <= SectionPriority.Of(sections[victim].Hint)))
                    {
                        victim = i;
                    }
                }

                kept[victim] = false;
                given[victim] = 0;
                used -= FontMetrics.LineHeight(fonts[victim]);
                DroppedSections++;
            }

            return used;
        }

        // Hands the spare height out in priority order (the first among equals first); returns what is left.
        private int Share(DisplaySection[] sections, int count, int spare)
        {
            while (true)
            {
                int next = -1;
                for (int i = 0; i < count; i++)
                {
                    if (kept[i] && !served[i] && (next < 0 || SectionPriority.Of(sections[i].Hint) > SectionPriority.Of(sections[next].Hint)))
                    {
                        next = i;
                    }
                }

                if (next < 0)
                {
                    return spare;
                }

                served[next] = true;
                int lineHeight = FontMetrics.LineHeight(fonts[next]);
                int cap = fonts[next] == DisplayFont.Large ? MaxHeadlineLines : needed[next];
                int extra = (needed[next] < cap ? needed[next] : cap) - 1;
                int fits = spare / lineHeight;
                if (extra > fits)
                {
                    extra = fits;
                }

                given[next] += extra;
                spare -= extra * lineHeight;
            }
        }

        // Wraps and places the kept greeting sections (or the others), in message order, from y; returns the y
        // after them.
        private int Place(DisplaySection[] sections, int count, bool greetings, int y)
        {
            for (int i = 0; i < count; i++)
            {
                if (!kept[i] || (sections[i].Hint == LayoutHint.Greeting) != greetings)
                {
                    continue;
                }

                DisplayFont font = fonts[i];
                int columns = width / FontMetrics.CharWidth(font);
                int lineHeight = FontMetrics.LineHeight(font);
                bool cut;
                int wrapped = TextWrapper.Wrap(sections[i].Text, columns, scratch, 0, given[i], out cut);
                Truncated |= cut;
                for (int k = 0; k < wrapped; k++)
                {
                    lines[LineCount] = new LaidOutLine(scratch[k], 0, y, font);
                    scratch[k] = null;
                    LineCount++;
                    y += lineHeight;
                }
            }

            return y;
        }
    }
}
