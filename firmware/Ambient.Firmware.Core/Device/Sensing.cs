using Ambient.Firmware.Hal;
using Ambient.Firmware.Storage;
using Ambient.Firmware.Time;
using Ambient.Protocol;

namespace Ambient.Firmware.Device
{
    /// <summary>Builds a room sample (climate, light, battery) the way every device stores one; failed reads are left out.</summary>
    public static class Sensing
    {
        public static SampleRecord RoomSample(IClock clock, ushort boot, uint sequence, IClimateSensor climate, ILightSensor light, IBattery battery)
        {
            SampleRecord sample = new SampleRecord();
            bool unsynced;
            sample.BootId = boot;
            sample.Sequence = sequence;
            sample.Timestamp = DeviceTime.Now(clock, out unsynced);
            sample.TimeUnsynced = unsynced;
            int centiCelsius;
            int humidity;
            if (climate != null && climate.TryRead(out centiCelsius, out humidity))
            {
                sample.Add(SensorKind.TemperatureCentiCelsius, centiCelsius);
                sample.Add(SensorKind.HumidityPermille, humidity);
            }

            int lux;
            if (light != null && light.TryReadLux(out lux))
            {
                sample.Add(SensorKind.IlluminanceLux, lux);
            }

            if (battery != null)
            {
                sample.Add(SensorKind.BatteryMillivolts, battery.ReadMillivolts());
            }

            return sample;
        }
    }
}
