using System;
using System.Device.Adc;
using System.Device.Gpio;
using System.Threading;
using Ambient.Firmware.Apps;
using Ambient.Firmware.Device;
using Ambient.Firmware.Esp32;
using Ambient.Firmware.Hal;
using nanoFramework.Hardware.Esp32;

namespace Ambient.Planter
{
    /// <summary>
    /// The planter: wake on the timer, measure, sometimes upload, deep sleep. Every deep-sleep wake is a reboot that
    /// starts again at step 1; all state lives in flash (hardware/planter/ has the wiring and the power budget).
    /// </summary>
    public static class Program
    {
        /// <summary>Sleep when the app could not run (it threw): try again at the next sampling slot.</summary>
        private const int RetrySeconds = 900;

        /// <summary>Sleep when the device has no provisioning file: nothing to do until someone deploys one.</summary>
        private const int UnprovisionedSeconds = 3600;

        public static void Main()
        {
            // 1. Why are we running? The planter has only the timer; anything else is a power-on or reset.
            WakeCause cause = Esp32Wake.ToWakeCause(Sleep.GetWakeupCause(), WakeCause.Timer);
            ILog log = new DebugLog();
            Esp32Clock clock = new Esp32Clock(Esp32Clock.DefaultStatePath, cause == WakeCause.PowerOn);

            // 2. Credentials and network from the provisioning file, passed down (never kept in a static field).
            DeviceSettingsFile settings = DeviceSettingsFile.Load(DeviceSettingsFile.DefaultPath);
            if (!settings.IsComplete)
            {
                log.Write("planter: " + DeviceSettingsFile.DefaultPath + " is missing or incomplete (see firmware/README.md)");
                DeepSleep(clock, new SleepRequest(UnprovisionedSeconds, WakeSources.TimerOnly));
            }

            // 3. Route the I2C bus to its pins before any device opens it.
            Configuration.SetPinFunction(PlanterPins.I2cSdaPin, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(PlanterPins.I2cSclPin, DeviceFunction.I2C1_CLOCK);

            // 4. The hardware, behind the HAL interfaces the app knows.
            GpioController gpio = new GpioController();
            AdcController adc = new AdcController();
            PlanterHardware hardware = new PlanterHardware(
                new AdcAnalogInput(adc, PlanterPins.SoilAdcAdcChannel),
                new GpioDigitalOutput(gpio, PlanterPins.SoilPowerPin, true),
                new Sht3xClimateSensor(PlanterPins.I2c1BusId, PlanterPins.Sht31Address, log),
                new Bh1750LightSensor(PlanterPins.I2c1BusId, PlanterPins.Bh1750Address, log),
                new AdcBattery(adc, PlanterPins.BatteryAdcAdcChannel, PlanterPins.BatteryDividerTopOhms, PlanterPins.BatteryDividerBottomOhms, PlanterPins.AdcFullScaleMillivolts),
                new LedIndicator(gpio, PlanterPins.StatusLedPin));
            DeviceContext context = new DeviceContext(
                settings.Credentials,
                clock,
                new Esp32Network(settings.WifiSsid, settings.WifiPassword, log),
                new Esp32MqttLink(settings.BrokerHost, settings.BrokerPort, Esp32MqttLink.DefaultKeepAliveSeconds, log),
                new FileSettingsStore(InternalStorage.SettingsPrefix),
                new FileFlashRegion(InternalStorage.RingPrefix, InternalStorage.RingSectorSize, InternalStorage.RingSectorCount),
                new DebugPowerTrace(log, clock),
                log,
                new Random());

            // 5. One wake of the app; a failure still ends in sleep, never in a battery-draining crash loop.
            SleepRequest request;
            try
            {
                request = new PlanterApp(context, hardware).Wake(cause);
            }
            catch (Exception ex)
            {
                log.Write("planter: wake failed: " + ex.Message);
                request = new SleepRequest(RetrySeconds, WakeSources.TimerOnly);
            }

            // 6. Sleep as asked (the planter has no wake source but the timer).
            DeepSleep(clock, request);
        }

        private static void DeepSleep(Esp32Clock clock, SleepRequest request)
        {
            int seconds = request.Seconds > 0 ? request.Seconds : 1;
            clock.SaveBeforeSleep(seconds);
            Sleep.EnableWakeupByTimer(TimeSpan.FromSeconds(seconds));
            Sleep.StartDeepSleep();

            // StartDeepSleep does not return; if it ever did, stay parked rather than run the wake twice.
            while (true)
            {
                Thread.Sleep(Timeout.Infinite);
            }
        }
    }
}
