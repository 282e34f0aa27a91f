namespace Ambient.Protocol
{
    public enum AckStatus : byte
    {
        Applied = 0,
        Rejected = 1,
        Unsupported = 2,
        Busy = 3,
    }
}
