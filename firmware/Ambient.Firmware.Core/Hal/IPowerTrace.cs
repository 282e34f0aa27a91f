namespace Ambient.Firmware.Hal
{
    public interface IPowerTrace
    {
        void Enter(PowerState state);
    }
}
