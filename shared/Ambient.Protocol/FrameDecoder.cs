using Ambient.Protocol.V1;

namespace Ambient.Protocol
{
    /// <summary>
    /// Reads a frame. Never throws, whatever the bytes: every rejection is a <see cref="DecodeResult"/> with a
    /// status, the field and the byte offset, so the gateway can count it and name it in a log.
    /// </summary>
    public static class FrameDecoder
    {
        public static DecodeResult Decode(byte[] data)
        {
            return Decode(data, 0, data == null ? 0 : data.Length);
        }

        public static DecodeResult Decode(byte[] data, int offset, int count)
        {
            if (data == null || offset < 0 || count < 0 || offset > data.Length - count)
            {
                return Fail(DecodeStatus.InvalidArgument, "frame", 0);
            }

            if (count < FrameLayout.Overhead)
            {
                return Fail(DecodeStatus.Truncated, "header", count);
            }

            if (count > FrameLayout.MaxFrameLength)
            {
                return Fail(DecodeStatus.TooLong, "frame", FrameLayout.MaxFrameLength);
            }

            // Version first: a future version may move everything else, including the CRC.
            if (data[offset + FrameLayout.VersionOffset] != FrameLayout.Version)
            {
                return Fail(DecodeStatus.UnknownVersion, "header.version", FrameLayout.VersionOffset);
            }

            int crcAt = offset + count - FrameLayout.CrcLength;
            ushort expected = (ushort)(data[crcAt] | (data[crcAt + 1] << 8));
            if (Crc16.Compute(data, offset, count - FrameLayout.CrcLength) != expected)
            {
                return Fail(DecodeStatus.BadCrc, "crc", count - FrameLayout.CrcLength);
            }

            byte flags = data[offset + FrameLayout.FlagsOffset];
            if ((flags & ~FrameLayout.DefinedFlags) != 0)
            {
                return Fail(DecodeStatus.ReservedBits, "header.flags", FrameLayout.FlagsOffset);
            }

            WireReader r = new WireReader(data, offset, offset + FrameLayout.BootIdOffset, crcAt);
            ushort bootId = r.ReadUInt16("header.boot_id");
            uint sequence = r.ReadUInt32("header.sequence");
            uint timestamp = r.ReadUInt32("header.timestamp");

            MessageType type = (MessageType)data[offset + FrameLayout.TypeOffset];
            Message message = ReadBody(type, ref r);
            if (message == null && !r.Failed)
            {
                return Fail(DecodeStatus.UnknownType, "header.type", FrameLayout.TypeOffset);
            }

            if (!r.Failed && r.Remaining != 0)
            {
                r.FailHere(DecodeStatus.TrailingBytes, "body");
            }

            if (r.Failed)
            {
                return Fail(r.Status, r.Field, r.ErrorOffset);
            }

            message.Flags = (FrameFlags)flags;
            message.BootId = bootId;
            message.Sequence = sequence;
            message.Timestamp = timestamp;
            return new DecodeResult(DecodeStatus.Ok, null, count, message);
        }

        /// <summary>The body's message, or null for a type this version does not define.</summary>
        private static Message ReadBody(MessageType type, ref WireReader r)
        {
            switch (type)
            {
                case MessageType.Hello:
                    return HelloCodec.Read(ref r);
                case MessageType.Telemetry:
                    return TelemetryCodec.Read(ref r);
                case MessageType.Event:
                    return EventCodec.Read(ref r);
                case MessageType.Audio:
                    return AudioCodec.Read(ref r);
                case MessageType.Ack:
                    return AckCodec.Read(ref r);
                case MessageType.Display:
                    return DisplayCodec.Read(ref r);
                case MessageType.PlantState:
                    return PlantStateCodec.Read(ref r);
                case MessageType.Config:
                    return ConfigCodec.Read(ref r);
                case MessageType.Time:
                    return TimeCodec.Read(ref r);
                default:
                    return null;
            }
        }

        private static DecodeResult Fail(DecodeStatus status, string field, int offset)
        {
            return new DecodeResult(status, field, offset, null);
        }
    }
}
