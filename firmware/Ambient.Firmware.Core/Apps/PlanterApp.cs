using Ambient.Firmware.Device;
using Ambient.Firmware.Hal;
using Ambient.Firmware.Net;
using Ambient.Firmware.Planter;
using Ambient.Firmware.Storage;
using Ambient.Firmware.Time;
using Ambient.Protocol;

namespace Ambient.Firmware.Apps
{
    /// <summary>
    /// The planter's wake: measure → store in flash → (every upload interval, at once on a moisture alert) connect
    /// and send everything unacknowledged → apply the gateway's verdict to the LED → deep sleep. Sampling every
    /// 15 minutes and sending every 2 hours keeps the radio, the biggest consumer, off for 7 wakes out of 8: with
    /// the currents in hardware/planter/power.md hourly uploads would give about 14 months on 2×AA, 2-hourly
    /// ones over 18 (docs/benchmarks.md). A soil reading below the alert level still goes out at once.
    /// </summary>
    public sealed class PlanterApp : IDeviceApp
    {
        public const int DefaultSampleSeconds = 900;
        public const int DefaultUploadSeconds = 7200;
        public const int DefaultAlertPermille = 250;
        /// <summary>Well above the ESP32's 2.43 V brown-out, so the warning comes weeks before the device stops.</summary>
        public const int LowBatteryMillivolts = 2500;
        public const int UploadBudgetMilliseconds = 20000;
        private const int SoilSamples = 9;
        private const int AlertHysteresisPermille = 50;
        private const int MaxBackoffFactor = 8;
        private const string LastUploadKey = "upload.last";
        private const string FailuresKey = "upload.failures";
        private const string AlertedKey = "moisture.alerted";
        private const string ConditionKey = "plant.condition";

        private readonly DeviceContext _context;
        private readonly PlanterHardware _hardware;
        private readonly int[] _soil = new int[SoilSamples];

        public PlanterApp(DeviceContext context, PlanterHardware hardware)
        {
            _context = context;
            _hardware = hardware;
        }

        public SleepRequest Wake(WakeCause cause)
        {
            IClock clock = _context.Clock;
            ISettingsStore settings = _context.Settings;
            _context.Power.Enter(PowerState.Cpu);
            long started = clock.UptimeMilliseconds;
            ushort boot = BootCounter.Current(settings, cause);
            ReadingLog log = new ReadingLog(_context.Flash);

            SampleRecord sample = Measure(boot, log.NextSequence(boot));
            log.Append(sample);
            _hardware.Indicator.Show((PlantCondition)settings.ReadInt(ConditionKey, (int)PlantCondition.Unknown));

            int moisture = ValueOf(sample, SensorKind.SoilMoisturePermille);
            bool alert = UpdateAlert(moisture);
            if (cause == WakeCause.PowerOn || alert || UploadDue())
            {
                Upload(boot, cause, log, ValueOf(sample, SensorKind.BatteryMillivolts));
            }

            int interval = settings.ReadInt(SettingKeys.For(ConfigKey.SampleIntervalSeconds), DefaultSampleSeconds);
            int spent = (int)((clock.UptimeMilliseconds - started) / 1000);
            _context.Power.Enter(PowerState.DeepSleep);
            return new SleepRequest(interval - spent > 10 ? interval - spent : 10, WakeSources.TimerOnly);
        }

        private SampleRecord Measure(ushort boot, uint sequence)
        {
            _context.Power.Enter(PowerState.Sensing);
            SampleRecord sample = new SampleRecord();
            bool unsynced;
            sample.BootId = boot;
            sample.Sequence = sequence;
            sample.Timestamp = DeviceTime.Now(_context.Clock, out unsynced);
            sample.TimeUnsynced = unsynced;

            // The probe is powered only while measuring: it needs ~100 ms to settle after power-up.
            _hardware.SoilPower.Write(true);
            _context.Clock.Sleep(100);
            for (int i = 0; i < SoilSamples; i++)
            {
                _soil[i] = _hardware.Soil.ReadRaw();
            }

            _hardware.SoilPower.Write(false);
            int raw = Median.Of(_soil, SoilSamples);
            ISettingsStore settings = _context.Settings;
            int permille = SoilCalibration.ToPermille(
                raw,
                settings.ReadInt(SettingKeys.For(ConfigKey.CalibrationDryRaw), SoilCalibration.DefaultDryRaw),
                settings.ReadInt(SettingKeys.For(ConfigKey.CalibrationWetRaw), SoilCalibration.DefaultWetRaw));
            if (permille >= 0)
            {
                sample.Add(SensorKind.SoilMoisturePermille, permille);
            }

            sample.Add(SensorKind.SoilRaw, raw);
            int centiCelsius;
            int humidity;
            if (_hardware.Climate.TryRead(out centiCelsius, out humidity))
            {
                sample.Add(SensorKind.TemperatureCentiCelsius, centiCelsius);
                sample.Add(SensorKind.HumidityPermille, humidity);
            }

            int lux;
            if (_hardware.Light.TryReadLux(out lux))
            {
                sample.Add(SensorKind.IlluminanceLux, lux);
            }

            sample.Add(SensorKind.BatteryMillivolts, _hardware.Battery.ReadMillivolts());
            _context.Power.Enter(PowerState.Cpu);
            return sample;
        }

        // A drop below the alert level is sent at once, once; it re-arms after the soil is wetter again.
        private bool UpdateAlert(int moisture)
        {
            ISettingsStore settings = _context.Settings;
            int threshold = settings.ReadInt(SettingKeys.For(ConfigKey.MoistureAlertPermille), DefaultAlertPermille);
            bool alerted = settings.ReadInt(AlertedKey, 0) != 0;
            if (moisture < 0)
            {
                return false;
            }

            if (!alerted && moisture < threshold)
            {
                settings.WriteInt(AlertedKey, 1);
                return true;
            }

            if (alerted && moisture > threshold + AlertHysteresisPermille)
            {
                settings.WriteInt(AlertedKey, 0);
            }

            return false;
        }

        // After failed uploads the interval doubles (up to 8×), so a dead gateway costs little battery.
        private bool UploadDue()
        {
            ISettingsStore settings = _context.Settings;
            int interval = settings.ReadInt(SettingKeys.For(ConfigKey.UploadIntervalSeconds), DefaultUploadSeconds);
            int failures = settings.ReadInt(FailuresKey, 0);
            int factor = 1;
            for (int i = 0; i < failures && factor < MaxBackoffFactor; i++)
            {
                factor *= 2;
            }

            int last = settings.ReadInt(LastUploadKey, -1);
            int now = (int)DeviceTime.UptimeSeconds(_context.Clock);
            return last < 0 || now < last || now - last >= (interval * factor) - 30;
        }

        private void Upload(ushort boot, WakeCause cause, ReadingLog log, int batteryMillivolts)
        {
            ISettingsStore settings = _context.Settings;
            int now = (int)DeviceTime.UptimeSeconds(_context.Clock);
            settings.WriteInt(LastUploadKey, now);
            UplinkSession session = new UplinkSession(_context, boot, new FrameCounter(settings, cause == WakeCause.PowerOn));
            if (!session.Open(UploadBudgetMilliseconds, Hello(cause)))
            {
                settings.WriteInt(FailuresKey, settings.ReadInt(FailuresKey, 0) + 1);
                return;
            }

            bool flushed = session.FlushReadings(log, batteryMillivolts > 0 && batteryMillivolts < LowBatteryMillivolts);
            settings.WriteInt(FailuresKey, flushed ? 0 : settings.ReadInt(FailuresKey, 0) + 1);

            // Downlinks queued for this sleeper (retained plant state, config) arrive right after subscribing.
            Message downlink;
            while ((downlink = session.Receive(500)) != null)
            {
                if (downlink.Type == MessageType.PlantState)
                {
                    PlantCondition condition = ((PlantStateMessage)downlink).Condition;
                    settings.WriteInt(ConditionKey, (int)condition);
                    _hardware.Indicator.Show(condition);
                    session.Acknowledge(downlink, AckStatus.Applied);
                }
                else if (!DownlinkHandler.TryApplyCommon(downlink, _context, session))
                {
                    session.Acknowledge(downlink, AckStatus.Unsupported);
                }
            }

            session.Close();
        }

        private static HelloMessage Hello(WakeCause cause)
        {
            return HelloFrame.For(DeviceKind.Planter, Capabilities.SoilMoisture | Capabilities.Light | Capabilities.Temperature |
                                 Capabilities.Humidity | Capabilities.Battery | Capabilities.DeepSleep | Capabilities.Indicator, cause, ResetReason.DeepSleepWake);
        }

        private static int ValueOf(SampleRecord sample, SensorKind kind)
        {
            for (int i = 0; i < sample.Count; i++)
            {
                if (sample.Kinds[i] == kind)
                {
                    return sample.Values[i];
                }
            }

            return -1;
        }
    }
}
