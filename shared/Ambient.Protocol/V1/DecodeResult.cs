namespace Ambient.Protocol
{
    /// <summary>
    /// The outcome of decoding one frame: the message, or the reason it was rejected with the field and byte
    /// offset where decoding stopped. A struct, so a successful decode allocates only the message itself.
    /// </summary>
    public struct DecodeResult
    {
        // nanoFramework prints enums as numbers, so the names used in logs live in a table.
        private static readonly string[] StatusNames = new string[]
        {
            "ok", "invalid argument", "truncated", "too long", "unknown version", "bad CRC", "unknown type",
            "reserved bits set", "field out of range", "bad varint", "bad text", "trailing bytes",
        };

        public DecodeResult(DecodeStatus status, string field, int offset, Message message)
        {
            Status = status;
            Field = field;
            Offset = offset;
            Message = message;
        }

        public DecodeStatus Status { get; }

        /// <summary>The field being read when decoding failed (e.g. "telemetry.reading.kind"); null when ok.</summary>
        public string Field { get; }

        /// <summary>Byte offset within the frame where the failure was found.</summary>
        public int Offset { get; }

        public Message Message { get; }

        public bool IsOk
        {
            get { return Status == DecodeStatus.Ok; }
        }

        public static string StatusName(DecodeStatus status)
        {
            int index = (int)status;
            return index < StatusNames.Length ? StatusNames[index] : "unknown status";
        }

        /// <summary>One line for logs: "bad CRC: crc at byte 28".</summary>
        public string Describe()
        {
            if (IsOk)
            {
                return "ok";
            }

            return StatusName(Status) + ": " + Field + " at byte " + Offset.ToString();
        }
    }
}
