using System;

namespace Ambient.Protocol.V1
{
    /// <summary>
    /// Writes little-endian fields into a caller's buffer. Encoding our own messages cannot meet hostile input,
    /// so a field out of range is a programming error and throws <see cref="ArgumentException"/> naming it.
    /// </summary>
    internal struct WireWriter
    {
        private readonly byte[] _buffer;
        private readonly int _end;

        public WireWriter(byte[] buffer, int offset, int end)
        {
            _buffer = buffer;
            Position = offset;
            _end = end;
        }

        public int Position { get; private set; }

        public static void Require(bool valid, string field)
        {
            if (!valid)
            {
                throw new ArgumentException("Field out of range for the wire format: " + field);
            }
        }

        public void WriteByte(byte value)
        {
            Ensure(1);
            _buffer[Position++] = value;
        }

        public void WriteUInt16(ushort value)
        {
            Ensure(2);
            _buffer[Position] = (byte)value;
            _buffer[Position + 1] = (byte)(value >> 8);
            Position += 2;
        }

        public void WriteUInt32(uint value)
        {
            Ensure(4);
            _buffer[Position] = (byte)value;
            _buffer[Position + 1] = (byte)(value >> 8);
            _buffer[Position + 2] = (byte)(value >> 16);
            _buffer[Position + 3] = (byte)(value >> 24);
            Position += 4;
        }

        public void WriteVarUInt(uint value)
        {
            while (value >= 0x80)
            {
                WriteByte((byte)(value | 0x80));
                value >>= 7;
            }

            WriteByte((byte)value);
        }

        public void WriteBytes(byte[] data, int offset, int count)
        {
            Ensure(count);
            Array.Copy(data, offset, _buffer, Position, count);
            Position += count;
        }

        public void WriteText(string text, int maxBytes, string field)
        {
            Require(text != null, field);
            int length = Utf8.GetByteCount(text);
            Require(length >= 0 && length <= maxBytes, field);
            WriteVarUInt((uint)length);
            Ensure(length);
            Position += Utf8.Encode(text, _buffer, Position);
        }

        private void Ensure(int count)
        {
            if (count > _end - Position)
            {
                throw new ArgumentException("Buffer too small for the frame (need " + count.ToString() + " more bytes)");
            }
        }
    }
}
