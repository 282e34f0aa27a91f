using System;
using System.IO;
using Ambient.Firmware.Hal;
using nanoFramework.Runtime.Native;

namespace Ambient.Firmware.Esp32
{
    /// <summary>
    /// IClock over the ESP32 system clock. A deep-sleep wake is a reboot, so uptime is carried across sleeps in a small
    /// file: at the end of a wake <see cref="SaveBeforeSleep"/> stores (uptime, system time, requested sleep); the next
    /// boot adds the system time that passed meanwhile (ESP-IDF keeps the system time running from the RTC timer
    /// through deep sleep) or, if the system time did not advance, the requested sleep. Within a wake uptime follows
    /// Environment.TickCount64, so SNTP setting the wall clock never makes it jump.
    /// </summary>
    public sealed class Esp32Clock : IClock
    {
        public const string DefaultStatePath = "I:\\clock.bin";

        private const int StateLength = 25;
        private readonly string _statePath;
        private readonly long _uptimeAtBoot;
        private readonly long _tickAtBoot;
        private bool _timeSet;

        /// <summary>powerOn: the first start after power was applied, so uptime starts again at zero.</summary>
        public Esp32Clock(string statePath, bool powerOn)
        {
            _statePath = statePath;
            _tickAtBoot = Environment.TickCount64;
            if (powerOn || !File.Exists(statePath))
            {
                return;
            }

            byte[] state = File.ReadAllBytes(statePath);
            if (state.Length != StateLength)
            {
                return;
            }

            long uptimeAtSleep = BitConverter.ToInt64(state, 0);
            long systemTicksAtSleep = BitConverter.ToInt64(state, 8);
            long requestedSleepMilliseconds = BitConverter.ToInt64(state, 16);
            long slept = (DateTime.UtcNow.Ticks - systemTicksAtSleep) / TimeSpan.TicksPerMillisecond;
            _uptimeAtBoot = uptimeAtSleep + (slept > 0 ? slept : requestedSleepMilliseconds);
            _timeSet = state[24] != 0;
        }

        public long UptimeMilliseconds => _uptimeAtBoot + (Environment.TickCount64 - _tickAtBoot);

        public bool IsTimeSet => _timeSet;

        public DateTime UtcNow => DateTime.UtcNow;

        public void SetUtc(DateTime utc)
        {
            Rtc.SetSystemTime(utc);
            _timeSet = true;
        }

        public void Sleep(int milliseconds)
        {
            System.Threading.Thread.Sleep(milliseconds);
        }

        /// <summary>Call right before deep sleep; one small flash write per wake.</summary>
        public void SaveBeforeSleep(int sleepSeconds)
        {
            byte[] state = new byte[StateLength];
            Array.Copy(BitConverter.GetBytes(UptimeMilliseconds), 0, state, 0, 8);
            Array.Copy(BitConverter.GetBytes(DateTime.UtcNow.Ticks), 0, state, 8, 8);
            Array.Copy(BitConverter.GetBytes(sleepSeconds * 1000L), 0, state, 16, 8);
            state[24] = _timeSet ? (byte)1 : (byte)0;
            File.WriteAllBytes(_statePath, state);
        }
    }
}
