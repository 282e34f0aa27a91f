namespace Ambient.Protocol
{
    public enum PlantCondition : byte
    {
        Unknown = 0,
        Ok = 1,
        Thirsty = 2,
        Soggy = 3,
        TooDark = 4,
        TooCold = 5,
        TooHot = 6,
    }
}
