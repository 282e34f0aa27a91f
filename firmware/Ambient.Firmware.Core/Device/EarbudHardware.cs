using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Device
{
    public sealed class EarbudHardware
    {
        public EarbudHardware(IAudioInput microphone, IAudioOutput speaker, IButton button, IBattery battery)
        {
            Microphone = microphone;
            Speaker = speaker;
            Button = button;
            Battery = battery;
        }

        public IAudioInput Microphone { get; }

        public IAudioOutput Speaker { get; }

        public IButton Button { get; }

        public IBattery Battery { get; }
    }
}
