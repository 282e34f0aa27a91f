using System;
using Ambient.Firmware.Hal;

namespace Ambient.Firmware.Device
{
    /// <summary>The services every app uses; the device-specific sensors come in that app's *Hardware bundle.</summary>
    public sealed class DeviceContext
    {
        public DeviceContext(
            DeviceCredentials credentials,
            IClock clock,
            INetwork network,
            IMqttLink mqtt,
            ISettingsStore settings,
            IFlashRegion flash,
            IPowerTrace power,
            ILog log,
            Random random)
        {
            Credentials = credentials;
            Clock = clock;
            Network = network;
            Mqtt = mqtt;
            Settings = settings;
            Flash = flash;
            Power = power;
            Log = log;
            Random = random;
        }

        public DeviceCredentials Credentials { get; }

        public IClock Clock { get; }

        public INetwork Network { get; }

        public IMqttLink Mqtt { get; }

        public ISettingsStore Settings { get; }

        /// <summary>Backing store of the reading ring buffer.</summary>
        public IFlashRegion Flash { get; }

        public IPowerTrace Power { get; }

        public ILog Log { get; }

        /// <summary>For back-off jitter; seeded from the hardware RNG on the device, from a fixed seed in tests.</summary>
        public Random Random { get; }
    }
}
