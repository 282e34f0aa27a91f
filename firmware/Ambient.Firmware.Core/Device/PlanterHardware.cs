using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Device
{
    public sealed class PlanterHardware
    {
        public PlanterHardware(IAnalogInput soil, IDigitalOutput soilPower, IClimateSensor climate, ILightSensor light, IBattery battery, IIndicator indicator)
        {
            Soil = soil;
            SoilPower = soilPower;
            Climate = climate;
            Light = light;
            Battery = battery;
            Indicator = indicator;
        }

        /// <summary>Capacitive soil probe on an ADC channel: higher counts = drier soil.</summary>
        public IAnalogInput Soil { get; }

        /// <summary>Powers the probe only while measuring (saves current and slows probe corrosion).</summary>
        public IDigitalOutput SoilPower { get; }

        public IClimateSensor Climate { get; }

        public ILightSensor Light { get; }

        public IBattery Battery { get; }

        public IIndicator Indicator { get; }
    }
}
