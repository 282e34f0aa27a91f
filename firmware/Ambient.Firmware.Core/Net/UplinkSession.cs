using System;
using Ambient.Firmware.Device;
using Ambient.Firmware.Hal;
using Ambient.Firmware.Storage;
using Ambient.Firmware.Time;
using Ambient.Protocol;

namespace Ambient.Firmware.Net
{
    /// <summary>
    /// One connection to the gateway within a wake: Wi-Fi, clock, MQTT with a last will, hello, then frames out
    /// and downlinks in. Every step has a deadline and a failure is a return value, so the app always gets back to
    /// sleep with its readings still in flash.
    /// </summary>
    public sealed class UplinkSession
    {
        public const int ConnectTimeoutMilliseconds = 8000;
        public const int PublishTimeoutMilliseconds = 5000;
        private const int SamplesPerFrame = 16;

        private static readonly byte[] OnlinePayload = new byte[] { 0x6F, 0x6E, 0x6C, 0x69, 0x6E, 0x65 };
        private static readonly byte[] OfflinePayload = new byte[] { 0x6F, 0x66, 0x66, 0x6C, 0x69, 0x6E, 0x65 };

        private readonly DeviceContext _context;
        private readonly ushort _bootId;
        private readonly FrameCounter _counter;
        private readonly byte[] _buffer = new byte[Protocol.V1.FrameLayout.MaxFrameLength];
        private readonly SampleRecord[] _batch;

        public UplinkSession(DeviceContext context, ushort bootId, FrameCounter counter)
        {
            _context = context;
            _bootId = bootId;
            _counter = counter;
            _batch = new SampleRecord[SamplesPerFrame];
            for (int i = 0; i < _batch.Length; i++)
            {
                _batch[i] = new SampleRecord();
            }
        }

        public bool IsOpen
        {
            get { return _context.Mqtt.IsConnected; }
        }

        /// <summary>Samples that reached the gateway in this session (PUBACK received).</summary>
        public int SamplesSent { get; private set; }

        /// <summary>
        /// Connects within <paramref name="budgetMilliseconds"/>, retrying with back-off and jitter; false when the
        /// budget ran out (the caller goes back to sleep; nothing is lost).
        /// </summary>
        public bool Open(int budgetMilliseconds, HelloMessage hello)
        {
            IClock clock = _context.Clock;
            long deadline = clock.UptimeMilliseconds + budgetMilliseconds;
            Backoff backoff = new Backoff(500, 8000, _context.Random);
            string id = _context.Credentials.DeviceId;
            while (true)
            {
                _context.Power.Enter(PowerState.WifiConnect);
                if ((_context.Network.IsConnected || _context.Network.Connect(ConnectTimeoutMilliseconds)) &&
                    _context.Mqtt.Connect(id, id, _context.Credentials.Password, Topics.Status(id), OfflinePayload, ConnectTimeoutMilliseconds))
                {
                    break;
                }

                int wait = backoff.NextDelay();
                if (clock.UptimeMilliseconds + wait >= deadline)
                {
                    _context.Log.Write("uplink: gave up after " + backoff.Attempts.ToString() + " attempts");
                    _context.Network.Disconnect();
                    _context.Power.Enter(PowerState.Cpu);
                    return false;
                }

                _context.Power.Enter(PowerState.Cpu);
                clock.Sleep(wait);
            }

            _context.Power.Enter(PowerState.Radio);
            SyncClock();
            _context.Mqtt.Subscribe(Topics.DownFilter(id), PublishTimeoutMilliseconds);
            _context.Mqtt.Publish(Topics.Status(id), OnlinePayload, 0, OnlinePayload.Length, true, PublishTimeoutMilliseconds);
            hello.UptimeSeconds = DeviceTime.UptimeSeconds(clock);
            return Send(hello);
        }

        /// <summary>Encodes and publishes a non-telemetry frame at QoS 1; true once the broker acknowledged it.</summary>
        public bool Send(Message message)
        {
            bool unsynced;
            message.BootId = _bootId;
            message.Sequence = _counter.Next();
            message.Timestamp = DeviceTime.Now(_context.Clock, out unsynced);
            message.Flags = unsynced ? message.Flags | FrameFlags.TimeUnsynced : message.Flags & ~FrameFlags.TimeUnsynced;
            return Publish(Topics.ChannelOf(message.Type, true), message);
        }

        /// <summary>
        /// Sends every unacknowledged sample, oldest first, in frames of consecutive samples, and records each
        /// acknowledged frame in the log so it is never sent again. Stops at the first publish without PUBACK.
        /// </summary>
        public bool FlushReadings(ReadingLog log, bool lowBattery)
        {
            while (true)
            {
                int count = log.ReadPending(_batch);
                if (count == 0)
                {
                    return true;
                }

                int used = 0;
                while (used < count)
                {
                    int run = RunLength(used, count);
                    TelemetryMessage frame = BuildFrame(used, run, lowBattery);
                    if (!Publish(Channel.Telemetry, frame))
                    {
                        return false;
                    }

                    log.Acknowledge(_batch[used + run - 1]);
                    SamplesSent += run;
                    used += run;
                }
            }
        }

        /// <summary>The next downlink decoded, waiting up to the timeout; null when none (or not decodable).</summary>
        public Message Receive(int timeoutMilliseconds)
        {
            MqttDelivery delivery = _context.Mqtt.Receive(timeoutMilliseconds);
            if (delivery == null)
            {
                return null;
            }

            DecodeResult result = FrameDecoder.Decode(delivery.Payload);
            if (!result.IsOk)
            {
                _context.Log.Write("downlink rejected: " + result.Describe());
                return null;
            }

            return result.Message;
        }

        /// <summary>Tells the gateway what became of a downlink.</summary>
        public void Acknowledge(Message downlink, AckStatus status)
        {
            AckMessage ack = new AckMessage();
            ack.AckedType = downlink.Type;
            ack.AckedSequence = downlink.Sequence;
            ack.Status = status;
            Send(ack);
        }

        public void Close()
        {
            _context.Mqtt.Disconnect();
            _context.Network.Disconnect();
            _context.Power.Enter(PowerState.Cpu);
        }

        private void SyncClock()
        {
            if (_context.Clock.IsTimeSet)
            {
                return;
            }

            DateTime utc;
            if (_context.Network.TryGetNetworkTime(3000, out utc))
            {
                _context.Clock.SetUtc(utc);
            }
        }

        private bool Publish(Channel channel, Message message)
        {
            int length = FrameEncoder.Encode(message, _buffer, 0);
            string topic = Topics.For(_context.Credentials.DeviceId, channel);
            return _context.Mqtt.Publish(topic, _buffer, 0, length, false, PublishTimeoutMilliseconds);
        }

        // Samples that can share a frame: same boot, consecutive numbers, same clock state after fix-up.
        private int RunLength(int start, int count)
        {
            int run = 1;
            while (start + run < count)
            {
                SampleRecord previous = _batch[start + run - 1];
                SampleRecord next = _batch[start + run];
                if (next.BootId != previous.BootId || next.Sequence != previous.Sequence + 1 ||
                    Unsynced(next) != Unsynced(previous) || next.Timestamp < _batch[start].Timestamp)
                {
                    break;
                }

                run++;
            }

            return run;
        }

        // A sample of this boot taken before the clock was set can be placed on the wall clock now.
        private bool Unsynced(SampleRecord sample)
        {
            return sample.TimeUnsynced && !(sample.BootId == _bootId && _context.Clock.IsTimeSet);
        }

        private uint TimestampOf(SampleRecord sample)
        {
            return sample.TimeUnsynced && !Unsynced(sample) ? DeviceTime.FixUp(_context.Clock, sample.Timestamp) : sample.Timestamp;
        }

        private TelemetryMessage BuildFrame(int start, int run, bool lowBattery)
        {
            SampleRecord first = _batch[start];
            uint baseTime = TimestampOf(first);
            TelemetryMessage frame = new TelemetryMessage();
            frame.BootId = first.BootId;
            frame.Sequence = first.Sequence;
            frame.Timestamp = baseTime;
            frame.Flags = FrameFlags.Replay;
            if (Unsynced(first))
            {
                frame.Flags |= FrameFlags.TimeUnsynced;
            }

            if (lowBattery)
            {
                frame.Flags |= FrameFlags.LowBattery;
            }

            int readings = 0;
            for (int i = 0; i < run; i++)
            {
                readings += _batch[start + i].Count;
            }

            frame.SampleOffsets = new uint[run];
            frame.Readings = new Reading[readings];
            int r = 0;
            for (int i = 0; i < run; i++)
            {
                SampleRecord sample = _batch[start + i];
                uint time = TimestampOf(sample);
                frame.SampleOffsets[i] = time >= baseTime ? time - baseTime : 0;
                for (int k = 0; k < sample.Count; k++)
                {
                    frame.Readings[r++] = new Reading((byte)i, sample.Kinds[k], sample.Values[k]);
                }
            }

            return frame;
        }
    }
}
