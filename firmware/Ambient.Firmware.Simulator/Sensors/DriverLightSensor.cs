using Ambient.Firmware.Hal;
using Iot.Device.Bh1750fvi;

namespace Ambient.Firmware.Simulator.Sensors;

/// <summary>ILightSensor through the real Iot.Device.Bh1750fvi driver.</summary>
internal sealed class DriverLightSensor(Bh1750Simulator chip) : ILightSensor, IDisposable
{
    private readonly Bh1750fvi _driver = new(chip);

    public bool TryReadLux(out int lux)
    {
        lux = (int)Math.Round(_driver.Illuminance.Lux);
        return true;
    }

    public void Dispose() => _driver.Dispose();
}
