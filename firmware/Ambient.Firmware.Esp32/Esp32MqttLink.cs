using System;
using System.Collections;
using System.Threading;
using Ambient.Firmware.Hal;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace Ambient.Firmware.Esp32
{
    /// <summary>
    /// IMqttLink over nanoFramework.M2Mqtt. M2Mqtt's calls return at once with a packet id and report the broker's
    /// answer in events; this adapter blocks on those events up to the caller's timeout, as the interface promises.
    /// </summary>
    public sealed class Esp32MqttLink : IMqttLink
    {
        /// <summary>For devices that disconnect before they sleep: the broker notices a silent device within 1.5 × this.</summary>
        public const ushort DefaultKeepAliveSeconds = 60;
        private readonly string _brokerHost;
        private readonly int _brokerPort;
        private readonly ushort _keepAliveSeconds;
        private readonly ILog _log;
        private readonly object _gate = new object();
        private readonly ArrayList _completedPacketIds = new ArrayList();
        private readonly ArrayList _received = new ArrayList();
        private readonly AutoResetEvent _completed = new AutoResetEvent(false);
        private readonly AutoResetEvent _arrived = new AutoResetEvent(false);
        private MqttClient _client;

        public Esp32MqttLink(string brokerHost, int brokerPort, ushort keepAliveSeconds, ILog log)
        {
            _brokerHost = brokerHost;
            _brokerPort = brokerPort;
            _keepAliveSeconds = keepAliveSeconds;
            _log = log;
        }

        public bool IsConnected => _client != null && _client.IsConnected;

        public bool Connect(string clientId, string username, string password, string willTopic, byte[] willPayload, int timeoutMilliseconds)
        {
            Close();
            MqttClient client;
            try
            {
                client = new MqttClient(_brokerHost, _brokerPort, false, null, null, MqttSslProtocols.None);
            }
            catch (Exception ex)
            {
                _log.Write("mqtt: " + ex.Message);
                return false;
            }

            client.MqttMsgPublished += OnPublished;
            client.MqttMsgSubscribed += OnSubscribed;
            client.MqttMsgPublishReceived += OnReceived;

            // M2Mqtt's Connect blocks on its own timer; run it aside so the caller's deadline holds.
            string willMessage = Ascii(willPayload);
            bool accepted = false;
            Exception failure = null;
            Thread attempt = new Thread(() =>
            {
                try
                {
                    MqttReasonCode code = client.Connect(clientId, username, password, true, MqttQoSLevel.AtLeastOnce, true, willTopic, willMessage, true, _keepAliveSeconds);
                    accepted = code == MqttReasonCode.Success;
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            });
            attempt.Start();
            if (!attempt.Join(timeoutMilliseconds) || !accepted)
            {
                _log.Write(failure == null ? "mqtt: connect refused or timed out" : "mqtt: " + failure.Message);
                client.Close();
                return false;
            }

            _client = client;
            return true;
        }

        public bool Publish(string topic, byte[] payload, int offset, int count, bool retain, int timeoutMilliseconds)
        {
            if (!IsConnected)
            {
                return false;
            }

            byte[] message = payload;
            if (offset != 0 || count != payload.Length)
            {
                message = new byte[count];
                Array.Copy(payload, offset, message, 0, count);
            }

            ushort packetId;
            try
            {
                packetId = _client.Publish(topic, message, null, null, MqttQoSLevel.AtLeastOnce, retain);
            }
            catch (Exception ex)
            {
                _log.Write("mqtt: " + ex.Message);
                return false;
            }

            return AwaitCompletion(packetId, timeoutMilliseconds);
        }

        public bool Subscribe(string topicFilter, int timeoutMilliseconds)
        {
            if (!IsConnected)
            {
                return false;
            }

            ushort packetId;
            try
            {
                packetId = _client.Subscribe(new[] { topicFilter }, new[] { MqttQoSLevel.AtLeastOnce });
            }
            catch (Exception ex)
            {
                _log.Write("mqtt: " + ex.Message);
                return false;
            }

            return AwaitCompletion(packetId, timeoutMilliseconds);
        }

        /// <summary>
        /// Waits up to the timeout until a delivery is waiting (it stays queued for <see cref="Receive"/>); true
        /// when one is. The earbud idles here between wakes instead of a forced light sleep.
        /// </summary>
        public bool WaitForDelivery(int timeoutMilliseconds)
        {
            lock (_gate)
            {
                if (_received.Count > 0)
                {
                    return true;
                }
            }

            _arrived.WaitOne(timeoutMilliseconds, false);
            lock (_gate)
            {
                return _received.Count > 0;
            }
        }

        public MqttDelivery Receive(int timeoutMilliseconds)
        {
            long deadline = Environment.TickCount64 + timeoutMilliseconds;
            while (true)
            {
                lock (_gate)
                {
                    if (_received.Count > 0)
                    {
                        MqttDelivery next = (MqttDelivery)_received[0];
                        _received.RemoveAt(0);
                        return next;
                    }
                }

                int left = (int)(deadline - Environment.TickCount64);
                if (left <= 0)
                {
                    return null;
                }

                _arrived.WaitOne(left, false);
            }
        }

        public void Disconnect()
        {
            if (_client == null)
            {
                return;
            }

            try
            {
                if (_client.IsConnected)
                {
                    _client.Disconnect();
                }
            }
            catch (Exception ex)
            {
                _log.Write("mqtt: " + ex.Message);
            }

            Close();
        }

        private void Close()
        {
            if (_client == null)
            {
                return;
            }

            _client.MqttMsgPublished -= OnPublished;
            _client.MqttMsgSubscribed -= OnSubscribed;
            _client.MqttMsgPublishReceived -= OnReceived;
            _client.Close();
            _client = null;
            lock (_gate)
            {
                _completedPacketIds.Clear();
            }
        }

        /// <summary>Waits for the PUBACK/SUBACK of one packet id; it may already have arrived before we started waiting.</summary>
        private bool AwaitCompletion(ushort packetId, int timeoutMilliseconds)
        {
            long deadline = Environment.TickCount64 + timeoutMilliseconds;
            while (true)
            {
                lock (_gate)
                {
                    int index = _completedPacketIds.IndexOf(packetId);
                    if (index >= 0)
                    {
                        _completedPacketIds.RemoveAt(index);
                        return true;
                    }
                }

                int left = (int)(deadline - Environment.TickCount64);
                if (left <= 0)
                {
                    return false;
                }

                _completed.WaitOne(left, false);
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            if (e.IsPublished)
            {
                Complete(e.MessageId);
            }
        }

        private void OnSubscribed(object sender, MqttMsgSubscribedEventArgs e)
        {
            Complete(e.MessageId);
        }

        private void Complete(ushort packetId)
        {
            lock (_gate)
            {
                _completedPacketIds.Add(packetId);
            }

            _completed.Set();
        }

        private void OnReceived(object sender, MqttMsgPublishEventArgs e)
        {
            lock (_gate)
            {
                _received.Add(new MqttDelivery(e.Topic, e.Message));
            }

            _arrived.Set();
        }

        /// <summary>M2Mqtt takes the will as a string; Ambient's status payloads are ASCII ("offline").</summary>
        private static string Ascii(byte[] bytes)
        {
            if (bytes == null)
            {
                return string.Empty;
            }

            char[] chars = new char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[i] = (char)bytes[i];
            }

            return new string(chars);
        }
    }
}
