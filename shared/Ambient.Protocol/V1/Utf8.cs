namespace Ambient.Protocol.V1
{
    /// <summary>
    /// Strict UTF-8, written here because nanoFramework's Encoding lives in a package the device may not carry,
    /// and because the decoder must reject bad bytes with a reason instead of substituting characters.
    /// </summary>
    public static class Utf8
    {
        /// <summary>
        /// Bytes needed for <paramref name="text"/>, or -1 when it cannot go on the wire: a NUL or an unpaired
        /// surrogate would not survive <see cref="Decode"/>, and a frame must decode to exactly what was sent.
        /// </summary>
        public static int GetByteCount(string text)
        {
            int count = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == 0)
                {
                    return -1;
                }

                if (c < 0x80)
                {
                    count += 1;
                }
                else if (c < 0x800)
                {
                    count += 2;
                }
                else if (IsHighSurrogate(c) && i + 1 < text.Length && IsLowSurrogate(text[i + 1]))
                {
                    count += 4;
                    i++;
                }
                else if (IsHighSurrogate(c) || IsLowSurrogate(c))
                {
                    return -1;
                }
                else
                {
                    count += 3;
                }
            }

            return count;
        }

        /// <summary>
        /// Writes <paramref name="text"/> at <paramref name="offset"/> and returns the bytes written. Call
        /// <see cref="GetByteCount"/> first: text it refuses is written with U+FFFD in place of the bad surrogate.
        /// </summary>
        public static int Encode(string text, byte[] buffer, int offset)
        {
            int p = offset;
            for (int i = 0; i < text.Length; i++)
            {
                int c = text[i];
                if (c < 0x80)
                {
                    buffer[p++] = (byte)c;
                    continue;
                }

                if (c < 0x800)
                {
                    buffer[p++] = (byte)(0xC0 | (c >> 6));
                    buffer[p++] = (byte)(0x80 | (c & 0x3F));
                    continue;
                }

                if (IsHighSurrogate((char)c) && i + 1 < text.Length && IsLowSurrogate(text[i + 1]))
                {
                    int scalar = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                    i++;
                    buffer[p++] = (byte)(0xF0 | (scalar >> 18));
                    buffer[p++] = (byte)(0x80 | ((scalar >> 12) & 0x3F));
                    buffer[p++] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
                    buffer[p++] = (byte)(0x80 | (scalar & 0x3F));
                    continue;
                }

                if (IsHighSurrogate((char)c) || IsLowSurrogate((char)c))
                {
                    c = 0xFFFD;
                }

                buffer[p++] = (byte)(0xE0 | (c >> 12));
                buffer[p++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                buffer[p++] = (byte)(0x80 | (c & 0x3F));
            }

            return p - offset;
        }

        /// <summary>
        /// Decodes well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF, no NUL);
        /// returns null for anything else.
        /// </summary>
        public static string Decode(byte[] data, int offset, int count)
        {
            char[] chars = new char[count];
            int n = 0;
            int end = offset + count;
            int i = offset;
            while (i < end)
            {
                int b0 = data[i];
                int scalar;
                int length;
                if (b0 < 0x80)
                {
                    scalar = b0;
                    length = 1;
                }
                else if (b0 >= 0xC2 && b0 <= 0xDF)
                {
                    scalar = b0 & 0x1F;
                    length = 2;
                }
                else if (b0 >= 0xE0 && b0 <= 0xEF)
                {
                    scalar = b0 & 0x0F;
                    length = 3;
                }
                else if (b0 >= 0xF0 && b0 <= 0xF4)
                {
                    scalar = b0 & 0x07;
                    length = 4;
                }
                else
                {
                    return null;
                }

                if (i + length > end)
                {
                    return null;
                }

                for (int k = 1; k < length; k++)
                {
                    int b = data[i + k];
                    if ((b & 0xC0) != 0x80)
                    {
                        return null;
                    }

                    scalar = (scalar << 6) | (b & 0x3F);
                }

                if (scalar == 0 || (length == 3 && scalar < 0x800) || (length == 4 && scalar < 0x10000) ||
                    scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF))
                {
                    return null;
                }

                if (scalar >= 0x10000)
                {
                    scalar -= 0x10000;
                    chars[n++] = (char)(0xD800 + (scalar >> 10));
                    chars[n++] = (char)(0xDC00 + (scalar & 0x3FF));
                }
                else
                {
                    chars[n++] = (char)scalar;
                }

                i += length;
            }

            return new string(chars, 0, n);
        }

        private static bool IsHighSurrogate(char c)
        {
            return c >= 0xD800 && c <= 0xDBFF;
        }

        private static bool IsLowSurrogate(char c)
        {
            return c >= 0xDC00 && c <= 0xDFFF;
        }
    }
}
