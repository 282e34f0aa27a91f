using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Device
{
    public sealed class MagnetHardware
    {
        public MagnetHardware(IDisplay display, IPresenceSensor presence, ITouchPad touch, IClimateSensor climate, ILightSensor light, IBattery battery)
        {
            Display = display;
            Presence = presence;
            Touch = touch;
            Climate = climate;
            Light = light;
            Battery = battery;
        }

        public IDisplay Display { get; }

        public IPresenceSensor Presence { get; }

        public ITouchPad Touch { get; }

        public IClimateSensor Climate { get; }

        public ILightSensor Light { get; }

        public IBattery Battery { get; }
    }
}
