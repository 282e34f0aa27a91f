namespace Ambient.Protocol.V1
{
    /// <summary>
    /// Reads little-endian fields from a frame body with a sticky error: the first failure is kept, later reads
    /// return zero, and the codec checks <see cref="Failed"/> once. Nothing here throws or allocates except
    /// <see cref="ReadBytes"/> and <see cref="ReadText"/>, which allocate only what they return.
    /// </summary>
    internal struct WireReader
    {
        private readonly byte[] _data;
        private readonly int _frameStart;
        private readonly int _end;
        private int _position;
        private int _fieldStart;

        public WireReader(byte[] data, int frameStart, int position, int end)
        {
            _data = data;
            _frameStart = frameStart;
            _position = position;
            _end = end;
            _fieldStart = position;
            Status = DecodeStatus.Ok;
            Field = null;
            ErrorOffset = 0;
        }

        public DecodeStatus Status { get; private set; }

        public string Field { get; private set; }

        /// <summary>Offset of the failure from the start of the frame.</summary>
        public int ErrorOffset { get; private set; }

        public bool Failed
        {
            get { return Status != DecodeStatus.Ok; }
        }

        public int Remaining
        {
            get { return _end - _position; }
        }

        public int FrameOffset
        {
            get { return _position - _frameStart; }
        }

        /// <summary>Records a failure at the start of the field read last (the first failure wins).</summary>
        public void Fail(DecodeStatus status, string field)
        {
            if (Status == DecodeStatus.Ok)
            {
                Status = status;
                Field = field;
                ErrorOffset = _fieldStart - _frameStart;
            }
        }

        /// <summary>Records a failure at the current position, for what follows the last field.</summary>
        public void FailHere(DecodeStatus status, string field)
        {
            _fieldStart = _position;
            Fail(status, field);
        }

        /// <summary>Records <see cref="DecodeStatus.FieldOutOfRange"/> unless <paramref name="valid"/>.</summary>
        public bool Check(bool valid, string field)
        {
            if (!valid)
            {
                Fail(DecodeStatus.FieldOutOfRange, field);
            }

            return valid && !Failed;
        }

        public byte ReadByte(string field)
        {
            _fieldStart = _position;
            if (!Ensure(1, field))
            {
                return 0;
            }

            return _data[_position++];
        }

        public ushort ReadUInt16(string field)
        {
            _fieldStart = _position;
            if (!Ensure(2, field))
            {
                return 0;
            }

            ushort value = (ushort)(_data[_position] | (_data[_position + 1] << 8));
            _position += 2;
            return value;
        }

        public short ReadInt16(string field)
        {
            return (short)ReadUInt16(field);
        }

        public uint ReadUInt32(string field)
        {
            _fieldStart = _position;
            if (!Ensure(4, field))
            {
                return 0;
            }

            uint value = (uint)(_data[_position] | (_data[_position + 1] << 8) | (_data[_position + 2] << 16) |
                                (_data[_position + 3] << 24));
            _position += 4;
            return value;
        }

        /// <summary>
        /// Unsigned LEB128, at most 5 bytes. Only the shortest encoding is accepted, so every accepted frame
        /// re-encodes to the same bytes (a replay is byte-identical to the original).
        /// </summary>
        public uint ReadVarUInt(string field)
        {
            _fieldStart = _position;
            uint value = 0;
            for (int i = 0; i < 5; i++)
            {
                if (!Ensure(1, field))
                {
                    return 0;
                }

                byte b = _data[_position++];
                if (i == 4 && b > 0x0F)
                {
                    Fail(DecodeStatus.BadVarint, field);
                    return 0;
                }

                value |= (uint)(b & 0x7F) << (7 * i);
                if ((b & 0x80) == 0)
                {
                    if (b == 0 && i > 0)
                    {
                        Fail(DecodeStatus.BadVarint, field);
                        return 0;
                    }

                    return value;
                }
            }

            Fail(DecodeStatus.BadVarint, field);
            return 0;
        }

        public byte[] ReadBytes(int count, string field)
        {
            _fieldStart = _position;
            if (!Ensure(count, field))
            {
                return null;
            }

            byte[] bytes = new byte[count];
            System.Array.Copy(_data, _position, bytes, 0, count);
            _position += count;
            return bytes;
        }

        /// <summary>Varint byte length, then strict UTF-8.</summary>
        public string ReadText(int maxBytes, string field)
        {
            uint length = ReadVarUInt(field);
            if (Failed || !Check(length <= (uint)maxBytes, field) || !Ensure((int)length, field))
            {
                return null;
            }

            // Report a bad sequence at the start of the text's bytes, not at its length prefix.
            _fieldStart = _position;

            string text = Utf8.Decode(_data, _position, (int)length);
            if (text == null)
            {
                Fail(DecodeStatus.BadText, field);
                return null;
            }

            _position += (int)length;
            return text;
        }

        private bool Ensure(int count, string field)
        {
            if (Failed)
            {
                return false;
            }

            if (count > _end - _position)
            {
                Fail(DecodeStatus.Truncated, field);
                return false;
            }

            return true;
        }
    }
}
