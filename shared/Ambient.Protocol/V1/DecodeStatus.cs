namespace Ambient.Protocol
{
    /// <summary>Why a frame was rejected. Names for logs come from <see cref="DecodeResult.StatusName"/>.</summary>
    public enum DecodeStatus : byte
    {
        Ok = 0,
        InvalidArgument = 1,
        Truncated = 2,
        TooLong = 3,
        UnknownVersion = 4,
        BadCrc = 5,
        UnknownType = 6,
        ReservedBits = 7,
        FieldOutOfRange = 8,
        BadVarint = 9,
        BadText = 10,
        TrailingBytes = 11,
    }
}
