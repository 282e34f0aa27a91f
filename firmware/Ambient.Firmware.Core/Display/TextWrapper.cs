using System;

namespace Ambient.Firmware.Display
{
    /// <summary>
    /// Word wrap for the fixed-width panel fonts (one glyph per char, see <c>Hal/FontMetrics</c>): lines of at most
    /// N characters, broken at blanks; a word longer than a line is hard-broken (never splitting a surrogate
    /// pair); a '\n' starts a new line. When the text does not fit the lines allowed, the last line ends in
    /// <see cref="Ellipsis"/>. The line finder itself allocates nothing, so counting lines is free; only the
    /// line strings are allocated, once per message.
    /// </summary>
    public static class TextWrapper
    {
        /// <summary>Three ASCII dots rather than U+2026: the bitmap fonts are not guaranteed to carry "…".</summary>
        public const string Ellipsis = "...";

        /// <summary>
        /// Wraps <paramref name="text"/> into at most <paramref name="maxLines"/> lines of at most
        /// <paramref name="maxChars"/> characters, written to <paramref name="lines"/> from
        /// <paramref name="firstLine"/>; returns the number of lines. <paramref name="truncated"/> tells whether
        /// text was left over (then the last line ends in <see cref="Ellipsis"/>).
        /// </summary>
        public static int Wrap(string text, int maxChars, string[] lines, int firstLine, int maxLines, out bool truncated)
        {
            if (maxChars < 1 || maxLines < 0 || firstLine < 0 || firstLine + maxLines > lines.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(maxLines));
            }

            truncated = false;
            if (text == null)
            {
                return 0;
            }

            int count = 0;
            int pos = 0;
            int start;
            int end;
            while (count < maxLines)
            {
                int next = NextLine(text, pos, maxChars, out start, out end);
                if (next < 0)
                {
                    return count;
                }

                lines[firstLine + count] = text.Substring(start, end - start);
                count++;
                pos = next;
            }

            if (NextLine(text, pos, maxChars, out start, out end) < 0)
            {
                return count;
            }

            truncated = true;
            if (count > 0)
            {
                lines[firstLine + count - 1] = WithEllipsis(lines[firstLine + count - 1], maxChars);
            }

            return count;
        }

        /// <summary>Lines the text needs at <paramref name="maxChars"/> per line, counted up to <paramref name="limit"/>.</summary>
        public static int CountLines(string text, int maxChars, int limit)
        {
            if (maxChars < 1 || limit < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(maxChars));
            }

            if (text == null)
            {
                return 0;
            }

            int count = 0;
            int pos = 0;
            while (count < limit)
            {
                pos = NextLine(text, pos, maxChars, out _, out _);
                if (pos < 0)
                {
                    break;
                }

                count++;
            }

            return count;
        }

        /// <summary>
        /// Finds the line that starts at or after <paramref name="pos"/>: [start, end) of text, without leading or
        /// trailing blanks. Returns where the following line's search starts, or −1 when only white space is left.
        /// </summary>
        private static int NextLine(string text, int pos, int maxChars, out int start, out int end)
        {
            int length = text.Length;
            int scan = pos;
            while (scan < length && (IsBlank(text[scan]) || text[scan] == '\n'))
            {
                scan++;
            }

            if (scan >= length)
            {
                start = length;
                end = length;
                return -1;
            }

            while (pos < length && IsBlank(text[pos]))
            {
                pos++;
            }

            start = pos;
            int limit = pos + maxChars;
            int lastBlank = -1;
            int i = pos;
            while (i < length && i < limit && text[i] != '\n')
            {
                if (IsBlank(text[i]))
                {
                    lastBlank = i;
                }

                i++;
            }

            int next;
            if (i >= length || text[i] == '\n' || IsBlank(text[i]))
            {
                // The rest of the paragraph fits, or a word ends exactly at the limit.
                end = i;
                next = i;
            }
            else if (lastBlank > start)
            {
                end = lastBlank;
                next = lastBlank;
            }
            else
            {
                // One word longer than the line: cut it, but not between the halves of a surrogate pair.
                end = i;
                if (end - 1 > start && IsHighSurrogate(text[end - 1]))
                {
                    end--;
                }

                next = end;
            }

            while (end > start && IsBlank(text[end - 1]))
            {
                end--;
            }

            // The break consumes the blanks after the line and at most one newline, so a paragraph that fills
            // its last line exactly does not leave an empty line behind.
            while (next < length && IsBlank(text[next]))
            {
                next++;
            }

            if (next < length && text[next] == '\n')
            {
                next++;
            }

            return next;
        }

        private static string WithEllipsis(string line, int maxChars)
        {
            int room = maxChars - Ellipsis.Length;
            if (room <= 0)
            {
                return Ellipsis.Substring(0, maxChars);
            }

            if (line.Length <= room)
            {
                return line + Ellipsis;
            }

            // Prefer to end on a whole word; fall back to cutting the word when the line is one long word.
            int cut = room;
            int blank = cut;
            while (blank > 0 && !IsBlank(line[blank]))
            {
                blank--;
            }

            if (blank > 0)
            {
                cut = blank;
                while (cut > 0 && IsBlank(line[cut - 1]))
                {
                    cut--;
                }
            }
            else if (IsHighSurrogate(line[cut - 1]) && cut > 1)
            {
                cut--;
            }

            return string.Concat(line.Substring(0, cut), Ellipsis);
        }

        // UTF-16 high surrogate range (Unicode 15, §3.8 D71); written out because char.IsHighSurrogate is not
        // something to rely on in the device's mscorlib.
        private static bool IsHighSurrogate(char c)
        {
            return c >= '\uD800' && c <= '\uDBFF';
        }

        private static bool IsBlank(char c)
        {
            return c == ' ' || c == '\t' || c == '\r';
        }
    }
}
