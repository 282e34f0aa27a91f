namespace Ambient.Protocol
{
    public enum DeviceKind : byte
    {
        Planter = 1,
        FridgeMagnet = 2,
        Earbud = 3,
    }
}
