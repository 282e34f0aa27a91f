using Ambient.Firmware.Audio;
using Ambient.Firmware.Device;
using Ambient.Firmware.Earbud;
using Ambient.Firmware.Hal;
using Ambient.Firmware.Net;
using Ambient.Firmware.Storage;
using Ambient.Firmware.Time;
using Ambient.Protocol;

namespace Ambient.Firmware.Apps
{
    /// <summary>
    /// The earbud. Unlike the sleepers it stays connected between wakes (it idles with Wi-Fi associated, and a
    /// downlink wakes it: <see cref="WakeSources.Data"/>), so a spoken reminder starts playing within moments of
    /// being due: one instance lives across wakes. Each wake it plays the speech the gateway streams (through the
    /// jitter buffer, asking again for a chunk that went missing), answers the button (tap: done, long press:
    /// snooze the reminder just heard, hold: talk), streams what the voice-activity gate lets through, and logs its
    /// battery now and then.
    /// </summary>
    public sealed class EarbudApp : IDeviceApp
    {
        /// <summary>
        /// Between wakes the earbud idles in auto light-sleep with Wi-Fi associated (modem sleep, DTIM 1): the button
        /// or an arriving downlink wakes it at once, the timer after this long (hardware/earbud/power.md).
        /// </summary>
        public const int SleepSeconds = 900;
        public const int ListenMilliseconds = 1500;

        /// <summary>After a question the answer takes a moment to be written and spoken: listen longer.</summary>
        public const int AnswerMilliseconds = 6000;
        public const int CaptureMilliseconds = 8000;
        public const int ConnectBudgetMilliseconds = 15000;
        private const int BatteryEveryWakes = 12;
        private const int ReminderAnswerSeconds = 600;
        private const int PlaybackBlockSamples = 320;

        /// <summary>After the last speech chunk, keep listening this long for more (the stream may still be coming).</summary>
        public const int StreamGapMilliseconds = 1000;

        private readonly DeviceContext _context;
        private readonly EarbudHardware _hardware;
        private readonly JitterBuffer _jitter = new JitterBuffer();
        private readonly VoiceUplink _voice = new VoiceUplink();
        private readonly byte[] _playback = new byte[PlaybackBlockSamples * 2];
        private UplinkSession _session;
        private ReadingLog _log;
        private ushort _boot;
        private int _wakes;
        private int _lastStream = -1;
        private bool _streamComplete;
        private long _lastStreamAt;
        private ushort _nextUpStream = 1;

        public EarbudApp(DeviceContext context, EarbudHardware hardware)
        {
            _context = context;
            _hardware = hardware;
        }

        public SleepRequest Wake(WakeCause cause)
        {
            _context.Power.Enter(PowerState.Cpu);
            if (_session == null || cause == WakeCause.PowerOn)
            {
                _boot = BootCounter.Current(_context.Settings, cause);
                _log = new ReadingLog(_context.Flash);
                _session = new UplinkSession(_context, _boot, new FrameCounter(_context.Settings, cause == WakeCause.PowerOn));
            }

            if (_wakes++ % BatteryEveryWakes == 0)
            {
                _log.Append(Sensing.RoomSample(_context.Clock, _boot, _log.NextSequence(_boot), null, null, _hardware.Battery));
            }

            if (!_session.IsOpen && !_session.Open(ConnectBudgetMilliseconds, Hello(cause)))
            {
                _context.Power.Enter(PowerState.LightSleep);
                return new SleepRequest(60, WakeSources.Button);
            }

            _session.FlushReadings(_log, false);
            bool asked = cause == WakeCause.Button && HandleButton(_hardware.Button.TakePress());
            Listen(asked ? AnswerMilliseconds : ListenMilliseconds);
            _context.Power.Enter(PowerState.LightSleep);
            return new SleepRequest(SleepSeconds, _session.IsOpen ? WakeSources.Button | WakeSources.Data : WakeSources.Button);
        }

        /// <summary>Acts on a press; true when the user spoke a question (an answer will follow).</summary>
        private bool HandleButton(ButtonPress press)
        {
            EventMessage pressed = new EventMessage();
            pressed.Kind = EventKind.Button;
            bool reminderJustPlayed = _lastStream >= 0 &&
                                      DeviceTime.UptimeSeconds(_context.Clock) - _lastStreamAt < ReminderAnswerSeconds;
            if (press == ButtonPress.Held)
            {
                // Push to talk: announce the stream, then send what the gate hears.
                ushort stream = _nextUpStream++;
                EventMessage wake = new EventMessage();
                wake.Kind = EventKind.Wake;
                wake.Reference = stream;
                _session.Send(wake);
                return _voice.Capture(_hardware.Microphone, _session, _context.Power, stream, CaptureMilliseconds);
            }

            pressed.Code = (byte)(press == ButtonPress.LongPress ? ButtonAction.Snooze : reminderJustPlayed ? ButtonAction.Acknowledge : ButtonAction.Press);
            pressed.Reference = reminderJustPlayed ? (uint)_lastStream : 0;
            _session.Send(pressed);
            return false;
        }

        // Takes downlinks until the window closes (kept open while speech keeps coming); speech plays as soon as the
        // jitter buffer has enough.
        private void Listen(int milliseconds)
        {
            long deadline = _context.Clock.UptimeMilliseconds + milliseconds;
            while (_context.Clock.UptimeMilliseconds < deadline)
            {
                int wait = _jitter.State == JitterBufferState.Buffering ? 1000 : (int)(deadline - _context.Clock.UptimeMilliseconds);
                Message downlink = _session.Receive(wait);
                if (downlink == null)
                {
                    if (_jitter.State == JitterBufferState.Buffering)
                    {
                        // Nothing more came: play what is there rather than wait for a chunk that was lost.
                        _jitter.Complete();
                        _streamComplete = true;
                        Play();
                        continue;
                    }

                    break;
                }

                if (downlink.Type == MessageType.Audio)
                {
                    AudioChunkMessage chunk = (AudioChunkMessage)downlink;
                    if (chunk.StreamId != _lastStream)
                    {
                        _streamComplete = false;
                    }

                    _jitter.Offer(chunk);
                    RequestMissing(chunk.StreamId);
                    if ((chunk.AudioFlags & AudioFlags.Final) != 0 || (chunk.Count != 0 && chunk.Index == chunk.Count - 1))
                    {
                        _jitter.Complete();
                        _streamComplete = true;
                    }

                    _lastStream = chunk.StreamId;
                    _lastStreamAt = DeviceTime.UptimeSeconds(_context.Clock);
                    Play();
                    long more = _context.Clock.UptimeMilliseconds + StreamGapMilliseconds;
                    if (!_streamComplete && more > deadline)
                    {
                        deadline = more;
                    }
                }
                else if (!DownlinkHandler.TryApplyCommon(downlink, _context, _session))
                {
                    _session.Acknowledge(downlink, AckStatus.Unsupported);
                }
            }

            if (!_session.IsOpen)
            {
                _session.Close();
            }
        }

        // A gap below the newest chunk: ask once for each missing one; if it comes in time it plays, else the jitter
        // buffer bridges it with faded silence when its turn comes.
        private void RequestMissing(ushort stream)
        {
            int index;
            while (_jitter.TryTakeMissing(out index))
            {
                EventMessage missing = new EventMessage();
                missing.Kind = EventKind.AudioMissing;
                missing.Reference = AudioMissingRef.Pack(stream, (ushort)index);
                _session.Send(missing);
                MissingRequested++;
            }
        }

        /// <summary>Chunks asked for again since power-on.</summary>
        public int MissingRequested { get; private set; }

        /// <summary>The playback buffer (for tests and the simulator's report).</summary>
        public JitterBuffer Jitter
        {
            get { return _jitter; }
        }

        private void Play()
        {
            if (_jitter.State != JitterBufferState.Playing)
            {
                return;
            }

            // Play only what is safely buffered: draining to empty mid-stream would underrun (a fade out and in,
            // heard as flutter). The rest plays as more chunks arrive, or all of it once the stream is complete.
            _context.Power.Enter(PowerState.AudioPlayback);
            int samples;
            while ((_streamComplete || _jitter.BufferedSamples > 0) &&
                   (samples = _jitter.Read(_playback, 0, PlaybackBlockSamples)) > 0)
            {
                _hardware.Speaker.Write(_playback, 0, samples * 2);
            }

            _context.Power.Enter(PowerState.Radio);
        }

        private static HelloMessage Hello(WakeCause cause)
        {
            return HelloFrame.For(DeviceKind.Earbud, Capabilities.Microphone | Capabilities.Speaker | Capabilities.Button | Capabilities.Battery, cause, ResetReason.Software);
        }
    }
}
