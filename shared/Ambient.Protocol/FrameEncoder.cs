using System;
using Ambient.Protocol.V1;

namespace Ambient.Protocol
{
    /// <summary>
    /// Writes a message as a version 1 frame: header, body, CRC-16. Devices encode into one reused buffer
    /// (<see cref="Encode(Message, byte[], int)"/>); the gateway may take a fresh array.
    /// </summary>
    public static class FrameEncoder
    {
        /// <summary>Encodes into <paramref name="buffer"/> at <paramref name="offset"/>; returns the frame length.</summary>
        /// <exception cref="ArgumentException">A field is out of range for the wire format, or the buffer is too small.</exception>
        public static int Encode(Message message, byte[] buffer, int offset)
        {
            if (message == null || buffer == null)
            {
                throw new ArgumentNullException(message == null ? "message" : "buffer");
            }

            WireWriter.Require(((byte)message.Flags & ~FrameLayout.DefinedFlags) == 0, "header.flags");
            int end = offset + FrameLayout.MaxFrameLength < buffer.Length ? offset + FrameLayout.MaxFrameLength : buffer.Length;
            WireWriter w = new WireWriter(buffer, offset, end - FrameLayout.CrcLength);
            w.WriteByte(FrameLayout.Version);
            w.WriteByte((byte)message.Type);
            w.WriteByte((byte)message.Flags);
            w.WriteUInt16(message.BootId);
            w.WriteUInt32(message.Sequence);
            w.WriteUInt32(message.Timestamp);
            WriteBody(message, ref w);

            int length = w.Position - offset;
            ushort crc = Crc16.Compute(buffer, offset, length);
            WireWriter tail = new WireWriter(buffer, w.Position, end);
            tail.WriteUInt16(crc);
            return length + FrameLayout.CrcLength;
        }

        /// <summary>Encodes into a new array of exactly the frame's length.</summary>
        public static byte[] Encode(Message message)
        {
            byte[] scratch = new byte[FrameLayout.MaxFrameLength];
            int length = Encode(message, scratch, 0);
            byte[] frame = new byte[length];
            Array.Copy(scratch, frame, length);
            return frame;
        }

        private static void WriteBody(Message message, ref WireWriter w)
        {
            switch (message.Type)
            {
                case MessageType.Hello:
                    HelloCodec.Write((HelloMessage)message, ref w);
                    break;
                case MessageType.Telemetry:
                    TelemetryCodec.Write((TelemetryMessage)message, ref w);
                    break;
                case MessageType.Event:
                    EventCodec.Write((EventMessage)message, ref w);
                    break;
                case MessageType.Audio:
                    AudioCodec.Write((AudioChunkMessage)message, ref w);
                    break;
                case MessageType.Ack:
                    AckCodec.Write((AckMessage)message, ref w);
                    break;
                case MessageType.Display:
                    DisplayCodec.Write((DisplayMessage)message, ref w);
                    break;
                case MessageType.PlantState:
                    PlantStateCodec.Write((PlantStateMessage)message, ref w);
                    break;
                case MessageType.Config:
                    ConfigCodec.Write((ConfigMessage)message, ref w);
                    break;
                case MessageType.Time:
                    TimeCodec.Write((TimeMessage)message, ref w);
                    break;
                default:
                    throw new ArgumentException("Unknown message type");
            }
        }
    }
}
