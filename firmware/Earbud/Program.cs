using System;
using System.Device.Adc;
using System.Device.Gpio;
using Ambient.Firmware.Apps;
using Ambient.Firmware.Device;
using Ambient.Firmware.Esp32;
using Ambient.Firmware.Hal;
using nanoFramework.Hardware.Esp32;

namespace Ambient.Earbud
{
    /// <summary>
    /// The earbud: the button (push to talk) or the timer wakes it; it listens and speaks, then light-sleeps. Light
    /// sleep keeps RAM and returns here, so the hardware and the app (which keeps its MQTT session between wakes) are
    /// set up once and the loop never ends (hardware/earbud/ has the wiring and the power budget).
    /// </summary>
    public static class Program
    {
        /// <summary>Sleep when the app could not run (it threw); the button still wakes the earbud sooner.</summary>
        private const int RetrySeconds = 300;

        /// <summary>Sleep when the device has no provisioning file: nothing to do until someone deploys one.</summary>
        private const int UnprovisionedSeconds = 3600;

        /// <summary>Longer than the app's light sleep, so the broker keeps the session (and holds back the will) across it.</summary>
        private const ushort KeepAliveSeconds = EarbudApp.SleepSeconds * 2;

        public static void Main()
        {
            // 1. Why are we running? ext0 is the button.
            WakeCause cause = Esp32Wake.ToWakeCause(Sleep.GetWakeupCause(), WakeCause.Button);
            ILog log = new DebugLog();
            Esp32Clock clock = new Esp32Clock(Esp32Clock.DefaultStatePath, cause == WakeCause.PowerOn);

            // 2. Credentials and network from the provisioning file, passed down (never kept in a static field).
            DeviceSettingsFile settings = DeviceSettingsFile.Load(DeviceSettingsFile.DefaultPath);
            while (!settings.IsComplete)
            {
                log.Write("earbud: " + DeviceSettingsFile.DefaultPath + " is missing or incomplete (see firmware/README.md)");
                LightSleep(new SleepRequest(UnprovisionedSeconds, WakeSources.TimerOnly));
                settings = DeviceSettingsFile.Load(DeviceSettingsFile.DefaultPath);
            }

            // 3. Route the two I2S buses to their pins before the devices open them: microphone on bus 1, amplifier on 2.
            Configuration.SetPinFunction(EarbudPins.MicClockPin, DeviceFunction.I2S1_BCK);
            Configuration.SetPinFunction(EarbudPins.MicWordSelectPin, DeviceFunction.I2S1_WS);
            Configuration.SetPinFunction(EarbudPins.MicDataPin, DeviceFunction.I2S1_MDATA_IN);
            Configuration.SetPinFunction(EarbudPins.AmpClockPin, DeviceFunction.I2S2_BCK);
            Configuration.SetPinFunction(EarbudPins.AmpWordSelectPin, DeviceFunction.I2S2_WS);
            Configuration.SetPinFunction(EarbudPins.AmpDataPin, DeviceFunction.I2S2_DATA_OUT);

            // 4. The hardware, behind the HAL interfaces the app knows; microphone and amplifier are powered per wake.
            GpioController gpio = new GpioController();
            AdcController adc = new AdcController();
            GpioDigitalOutput micPower = new GpioDigitalOutput(gpio, EarbudPins.MicPowerPin, true);
            GpioDigitalOutput ampEnable = new GpioDigitalOutput(gpio, EarbudPins.AmpEnablePin, true);
            GpioPushButton button = new GpioPushButton(gpio, EarbudPins.ButtonPin);
            Esp32MqttLink mqtt = new Esp32MqttLink(settings.BrokerHost, settings.BrokerPort, KeepAliveSeconds, log);
            EarbudHardware hardware = new EarbudHardware(
                new I2sMicrophone(EarbudPins.I2s1BusId, EarbudPins.AudioSampleRate),
                new I2sSpeaker(EarbudPins.I2s2BusId, EarbudPins.AudioSampleRate),
                button,
                new AdcBattery(adc, EarbudPins.BatteryAdcAdcChannel, EarbudPins.BatteryDividerTopOhms, EarbudPins.BatteryDividerBottomOhms, EarbudPins.AdcFullScaleMillivolts));
            DeviceContext context = new DeviceContext(
                settings.Credentials,
                clock,
                new Esp32Network(settings.WifiSsid, settings.WifiPassword, log),
                mqtt,
                new FileSettingsStore(InternalStorage.SettingsPrefix),
                new FileFlashRegion(InternalStorage.RingPrefix, InternalStorage.RingSectorSize, InternalStorage.RingSectorCount),
                new DebugPowerTrace(log, clock),
                log,
                new Random());

            // 5. The app, once: it lives across light sleeps.
            EarbudApp app = new EarbudApp(context, hardware);
            while (true)
            {
                // 6. One wake of the app; a failure still ends in sleep, never in a battery-draining crash loop.
                micPower.Write(true);
                ampEnable.Write(true);
                SleepRequest request;
                try
                {
                    request = app.Wake(cause);
                }
                catch (Exception ex)
                {
                    log.Write("earbud: wake failed: " + ex.Message);
                    request = new SleepRequest(RetrySeconds, WakeSources.Button);
                }

                // 7. Idle or sleep as asked (RAM stays); the button, and when connected a downlink, may end it early.
                micPower.Write(false);
                ampEnable.Write(false);
                cause = (request.Sources & WakeSources.Data) != 0 && mqtt.IsConnected
                    ? IdleConnected(request, mqtt, button)
                    : LightSleep(request);
            }
        }

        /// <summary>
        /// Waits with Wi-Fi associated until a downlink arrives, the button goes down, or the time is up. A forced
        /// light sleep (Sleep.StartLightSleep) would drop the association, so speech could only be fetched at the
        /// next wake; here the threads block, and a firmware built with ESP-IDF power management
        /// (CONFIG_PM_ENABLE, tickless idle) enters auto light-sleep by itself between DTIM beacons
        /// (hardware/earbud/power.md: 3.3 mA at DTIM 1 instead of ~30 mA in plain modem sleep).
        /// </summary>
        private static WakeCause IdleConnected(SleepRequest request, Esp32MqttLink mqtt, GpioPushButton button)
        {
            const int SliceMilliseconds = 100;
            long deadline = Environment.TickCount64 + ((long)request.Seconds * 1000);
            while (Environment.TickCount64 < deadline)
            {
                if (mqtt.WaitForDelivery(SliceMilliseconds))
                {
                    return WakeCause.Data;
                }

                if ((request.Sources & WakeSources.Button) != 0 && button.IsDown)
                {
                    return WakeCause.Button;
                }

                if (!mqtt.IsConnected)
                {
                    break;
                }
            }

            return WakeCause.Timer;
        }

        private static WakeCause LightSleep(SleepRequest request)
        {
            int seconds = request.Seconds > 0 ? request.Seconds : 1;
            Sleep.EnableWakeupByTimer(TimeSpan.FromSeconds(seconds));
            if ((request.Sources & WakeSources.Button) != 0)
            {
                Sleep.EnableWakeupByPin(Esp32Wake.PinMask(EarbudPins.ButtonPin), EarbudPins.ButtonWakeLevel);
            }

            Sleep.StartLightSleep();
            return Esp32Wake.ToWakeCause(Sleep.GetWakeupCause(), WakeCause.Button);
        }
    }
}
