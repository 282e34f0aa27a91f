using System;
using System.Device.Wifi;
using System.Threading;
using Ambient.Firmware.Hal;
using nanoFramework.Networking;

namespace Ambient.Firmware.Esp32
{
    /// <summary>INetwork over WifiNetworkHelper (nanoFramework.System.Device.Wifi) and Sntp (nanoFramework.Networking.Sntp).</summary>
    public sealed class Esp32Network : INetwork
    {
        /// <summary>A clock reading before this year has not been set since power-on (the ESP32 starts at 1970).</summary>
        private const int FirstPlausibleYear = 2025;

        /// <summary>How long to wait for a correction when the clock was already plausible (an SNTP round trip).</summary>
        private const int SettledClockWaitMilliseconds = 1500;

        private readonly string _ssid;
        private readonly string _password;
        private readonly ILog _log;
        private bool _connected;

        public Esp32Network(string ssid, string password, ILog log)
        {
            _ssid = ssid;
            _password = password;
            _log = log;
        }

        public bool IsConnected => _connected;

        public int Rssi
        {
            get
            {
                // The helper's last scan report, when there is one; -127 (the interface's floor) otherwise.
                WifiAdapter adapter = WifiNetworkHelper.WifiAdapter;
                WifiNetworkReport report = adapter == null ? null : adapter.NetworkReport;
                if (!_connected || report == null || report.AvailableNetworks == null)
                {
                    return -127;
                }

                foreach (WifiAvailableNetwork network in report.AvailableNetworks)
                {
                    if (network.Ssid == _ssid)
                    {
                        int dbm = (int)network.NetworkRssiInDecibelMilliwatts;
                        return dbm > 0 ? 0 : (dbm < -127 ? -127 : dbm);
                    }
                }

                return -127;
            }
        }

        public bool Connect(int timeoutMilliseconds)
        {
            CancellationTokenSource deadline = new CancellationTokenSource(timeoutMilliseconds);
            try
            {
                _connected = WifiNetworkHelper.ConnectDhcp(_ssid, _password, WifiReconnectionKind.Automatic, false, 0, deadline.Token);
            }
            catch (Exception ex)
            {
                _log.Write("wifi: " + ex.Message);
                _connected = false;
            }
            finally
            {
                deadline.Dispose();
            }

            if (!_connected && WifiNetworkHelper.HelperException != null)
            {
                _log.Write("wifi: " + WifiNetworkHelper.HelperException.Message);
            }

            return _connected;
        }

        public void Disconnect()
        {
            _connected = false;
            try
            {
                WifiNetworkHelper.Disconnect();
            }
            catch (Exception ex)
            {
                // Already down (the access point went away): nothing left to release, and the device must reach sleep.
                _log.Write("wifi: " + ex.Message);
            }
        }

        /// <summary>
        /// Asks SNTP and watches the system clock: the SNTP client sets it directly and has no completion event, so an
        /// answer shows as a jump. A clock that was already right (set in an earlier wake and kept through deep sleep by
        /// the RTC) moves too little to see; it is accepted after one SNTP round trip.
        /// </summary>
        public bool TryGetNetworkTime(int timeoutMilliseconds, out DateTime utc)
        {
            utc = DateTime.UtcNow;
            if (!_connected)
            {
                return false;
            }

            DateTime before = DateTime.UtcNow;
            bool wasPlausible = before.Year >= FirstPlausibleYear;
            long start = Environment.TickCount64;
            if (Sntp.IsStarted)
            {
                Sntp.UpdateNow();
            }
            else
            {
                Sntp.Start();
            }

            int wait = wasPlausible && timeoutMilliseconds > SettledClockWaitMilliseconds ? SettledClockWaitMilliseconds : timeoutMilliseconds;
            while (Environment.TickCount64 - start < wait)
            {
                Thread.Sleep(50);
                DateTime now = DateTime.UtcNow;
                long expected = before.Ticks + ((Environment.TickCount64 - start) * TimeSpan.TicksPerMillisecond);
                long jump = now.Ticks - expected;
                if ((jump > TimeSpan.TicksPerSecond || jump < -TimeSpan.TicksPerSecond) && now.Year >= FirstPlausibleYear)
                {
                    utc = now;
                    return true;
                }
            }

            utc = DateTime.UtcNow;
            return wasPlausible;
        }
    }
}
