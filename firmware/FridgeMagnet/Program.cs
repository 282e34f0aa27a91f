using System;
using System.Device.Adc;
using System.Device.Gpio;
using System.Threading;
using Ambient.Firmware.Apps;
using Ambient.Firmware.Device;
using Ambient.Firmware.Esp32;
using Ambient.Firmware.Hal;
using nanoFramework.Hardware.Esp32;

namespace Ambient.FridgeMagnet
{
    /// <summary>
    /// The fridge magnet: wake on the timer, on someone walking by (PIR) or on a touch; show the greeting on the
    /// e-paper; deep sleep (the image stays without power). Every deep-sleep wake is a reboot that starts again at
    /// step 1 (hardware/fridge-magnet/ has the wiring and the power budget).
    /// </summary>
    public static class Program
    {
        /// <summary>Sleep when the app could not run (it threw); presence and touch still wake the magnet sooner.</summary>
        private const int RetrySeconds = 900;

        /// <summary>Sleep when the device has no provisioning file: nothing to do until someone deploys one.</summary>
        private const int UnprovisionedSeconds = 3600;

        public static void Main()
        {
            // 1. Why are we running? ext0 is the PIR.
            WakeCause cause = Esp32Wake.ToWakeCause(Sleep.GetWakeupCause(), WakeCause.Presence);
            ILog log = new DebugLog();
            Esp32Clock clock = new Esp32Clock(Esp32Clock.DefaultStatePath, cause == WakeCause.PowerOn);

            // 2. Credentials and network from the provisioning file, passed down (never kept in a static field).
            DeviceSettingsFile settings = DeviceSettingsFile.Load(DeviceSettingsFile.DefaultPath);
            if (!settings.IsComplete)
            {
                log.Write("magnet: " + DeviceSettingsFile.DefaultPath + " is missing or incomplete (see firmware/README.md)");
                DeepSleep(clock, new SleepRequest(UnprovisionedSeconds, WakeSources.TimerOnly));
            }

            // 3. Route SPI (e-paper) and I2C (climate, light) to their pins before any device opens them.
            Configuration.SetPinFunction(MagnetPins.EpdMosiPin, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(MagnetPins.SpiMisoPin, DeviceFunction.SPI1_MISO);
            Configuration.SetPinFunction(MagnetPins.EpdClockPin, DeviceFunction.SPI1_CLOCK);
            Configuration.SetPinFunction(MagnetPins.I2cSdaPin, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(MagnetPins.I2cSclPin, DeviceFunction.I2C1_CLOCK);

            // 4. The hardware, behind the HAL interfaces the app knows.
            GpioController gpio = new GpioController();
            AdcController adc = new AdcController();
            FileSettingsStore store = new FileSettingsStore(InternalStorage.SettingsPrefix);
            MagnetHardware hardware = new MagnetHardware(
                new EPaperDisplay(gpio, MagnetPins.Spi1BusId, MagnetPins.EpdChipSelectPin, MagnetPins.EpdResetPin, MagnetPins.EpdBusyPin, MagnetPins.EpdDataCommandPin, MagnetPins.DisplayWidth, MagnetPins.DisplayHeight),
                new PirPresenceSensor(gpio, MagnetPins.PirPin),
                new Esp32TouchPad(MagnetPins.TouchPadTouchPad, store, cause == WakeCause.PowerOn),
                new Bme280ClimateSensor(MagnetPins.I2c1BusId, MagnetPins.Bme280Address, log),
                new Bh1750LightSensor(MagnetPins.I2c1BusId, MagnetPins.Bh1750Address, log),
                new AdcBattery(adc, MagnetPins.BatteryAdcAdcChannel, MagnetPins.BatteryDividerTopOhms, MagnetPins.BatteryDividerBottomOhms, MagnetPins.AdcFullScaleMillivolts));
            DeviceContext context = new DeviceContext(
                settings.Credentials,
                clock,
                new Esp32Network(settings.WifiSsid, settings.WifiPassword, log),
                new Esp32MqttLink(settings.BrokerHost, settings.BrokerPort, Esp32MqttLink.DefaultKeepAliveSeconds, log),
                store,
                new FileFlashRegion(InternalStorage.RingPrefix, InternalStorage.RingSectorSize, InternalStorage.RingSectorCount),
                new DebugPowerTrace(log, clock),
                log,
                new Random());

            // 5. One wake of the app; a failure still ends in sleep, never in a battery-draining crash loop.
            SleepRequest request;
            try
            {
                request = new MagnetApp(context, hardware).Wake(cause);
            }
            catch (Exception ex)
            {
                log.Write("magnet: wake failed: " + ex.Message);
                request = new SleepRequest(RetrySeconds, WakeSources.Presence | WakeSources.Touch);
            }

            // 6. Sleep as asked, armed for what may wake the magnet earlier.
            DeepSleep(clock, request);
        }

        private static void DeepSleep(Esp32Clock clock, SleepRequest request)
        {
            int seconds = request.Seconds > 0 ? request.Seconds : 1;
            clock.SaveBeforeSleep(seconds);
            Sleep.EnableWakeupByTimer(TimeSpan.FromSeconds(seconds));
            if ((request.Sources & WakeSources.Presence) != 0)
            {
                Sleep.EnableWakeupByPin(Esp32Wake.PinMask(MagnetPins.PirPin), MagnetPins.PresenceWakeLevel);
            }

            if ((request.Sources & WakeSources.Touch) != 0)
            {
                Sleep.EnableWakeupByTouchPad(MagnetPins.TouchPadTouchPad);
            }

            Sleep.StartDeepSleep();

            // StartDeepSleep does not return; if it ever did, stay parked rather than run the wake twice.
            while (true)
            {
                Thread.Sleep(Timeout.Infinite);
            }
        }
    }
}
