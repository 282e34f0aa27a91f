using Ambient.Firmware.Device;
using Ambient.Firmware.Display;
using Ambient.Firmware.Hal;
using Ambient.Firmware.Magnet;
using Ambient.Firmware.Net;
using Ambient.Firmware.Storage;
using Ambient.Firmware.Time;
using Ambient.Protocol;

namespace Ambient.Firmware.Apps
{
    /// <summary>
    /// The fridge magnet's wake. Someone walking up (PIR) or touching it wakes it: it tells the gateway and, in the
    /// morning window or on a touch, asks for the greeting, which the gateway has ready, and puts it on the e-paper
    /// (which keeps the image without power). A timer wake every hour logs the room's climate and light; those go
    /// up every few hours or with the next interaction. After a presence wake the PIR is ignored for a while, so a
    /// busy kitchen does not keep the radio on.
    /// </summary>
    public sealed class MagnetApp : IDeviceApp
    {
        public const int TimerSeconds = 3600;
        public const int PresenceCooldownSeconds = 900;
        public const int GreetingWaitMilliseconds = 6000;
        public const int UploadBudgetMilliseconds = 15000;
        private const int UploadEveryTimerWakes = 4;
        private const int GreetingRepeatSeconds = 1800;
        private const string TimerWakesKey = "magnet.timer.wakes";
        private const string LastGreetingKey = "magnet.greeting.last";

        private readonly DeviceContext _context;
        private readonly MagnetHardware _hardware;

        public MagnetApp(DeviceContext context, MagnetHardware hardware)
        {
            _context = context;
            _hardware = hardware;
        }

        public SleepRequest Wake(WakeCause cause)
        {
            ISettingsStore settings = _context.Settings;
            _context.Power.Enter(PowerState.Cpu);
            ushort boot = BootCounter.Current(settings, cause);
            ReadingLog log = new ReadingLog(_context.Flash);
            bool interaction = cause == WakeCause.Presence || cause == WakeCause.Touch || cause == WakeCause.PowerOn;
            bool upload = interaction;
            if (cause == WakeCause.Timer || cause == WakeCause.PowerOn)
            {
                _context.Power.Enter(PowerState.Sensing);
                log.Append(Sensing.RoomSample(_context.Clock, boot, log.NextSequence(boot), _hardware.Climate, _hardware.Light, _hardware.Battery));
                _context.Power.Enter(PowerState.Cpu);
                int wakes = settings.ReadInt(TimerWakesKey, 0) + 1;
                settings.WriteInt(TimerWakesKey, wakes % UploadEveryTimerWakes);
                upload = upload || wakes >= UploadEveryTimerWakes;
            }

            if (upload)
            {
                Connect(boot, cause, log, interaction);
            }

            _context.Power.Enter(PowerState.DeepSleep);
            if (cause == WakeCause.Presence)
            {
                return new SleepRequest(PresenceCooldownSeconds, WakeSources.Touch);
            }

            return new SleepRequest(TimerSeconds, WakeSources.Presence | WakeSources.Touch);
        }

        private void Connect(ushort boot, WakeCause cause, ReadingLog log, bool interaction)
        {
            UplinkSession session = new UplinkSession(_context, boot, new FrameCounter(_context.Settings, cause == WakeCause.PowerOn));
            if (!session.Open(UploadBudgetMilliseconds, Hello(cause)))
            {
                return;
            }

            session.FlushReadings(log, false);

            // The gateway answers hello with the time and the household's morning window: apply them before
            // deciding whether it is morning, or a first wake would judge it in UTC.
            Message early;
            while ((early = session.Receive(300)) != null)
            {
                Handle(early, session, false);
            }

            bool wantGreeting = false;
            if (interaction && cause != WakeCause.PowerOn)
            {
                EventMessage happened = new EventMessage();
                happened.Kind = cause == WakeCause.Touch ? EventKind.Touch : EventKind.Presence;
                happened.Code = 1;
                session.Send(happened);
                wantGreeting = cause == WakeCause.Touch || (MorningWindow.Contains(_context.Clock, _context.Settings) && GreetingDue());
            }

            if (wantGreeting)
            {
                EventMessage request = new EventMessage();
                request.Kind = EventKind.GreetingRequest;
                session.Send(request);
            }

            long deadline = _context.Clock.UptimeMilliseconds + (wantGreeting ? GreetingWaitMilliseconds : 500);
            while (_context.Clock.UptimeMilliseconds < deadline)
            {
                Message downlink = session.Receive((int)(deadline - _context.Clock.UptimeMilliseconds));
                if (downlink == null)
                {
                    break;
                }

                if (Handle(downlink, session, wantGreeting))
                {
                    break;
                }
            }

            session.Close();
        }

        /// <summary>Applies one downlink; true when it was the display the wake was waiting for.</summary>
        private bool Handle(Message downlink, UplinkSession session, bool waitingForDisplay)
        {
            if (downlink.Type == MessageType.Display)
            {
                Show((DisplayMessage)downlink);
                session.Acknowledge(downlink, AckStatus.Applied);
                return waitingForDisplay;
            }

            if (!DownlinkHandler.TryApplyCommon(downlink, _context, session))
            {
                session.Acknowledge(downlink, AckStatus.Unsupported);
            }

            return false;
        }

        private void Show(DisplayMessage message)
        {
            _context.Power.Enter(PowerState.DisplayRefresh);
            new MagnetLayout(_hardware.Display.Width, _hardware.Display.Height).Draw(message, _hardware.Display);
            _hardware.Display.Sleep();
            _context.Power.Enter(PowerState.Radio);
        }

        // One greeting per half hour: walking past the fridge twice should not cost two refreshes.
        private bool GreetingDue()
        {
            int now = (int)DeviceTime.UptimeSeconds(_context.Clock);
            int last = _context.Settings.ReadInt(LastGreetingKey, -1);
            if (last >= 0 && now >= last && now - last < GreetingRepeatSeconds)
            {
                return false;
            }

            _context.Settings.WriteInt(LastGreetingKey, now);
            return true;
        }

        private static HelloMessage Hello(WakeCause cause)
        {
            return HelloFrame.For(DeviceKind.FridgeMagnet, Capabilities.Display | Capabilities.Presence | Capabilities.Touch | Capabilities.Temperature |
                                 Capabilities.Humidity | Capabilities.Light | Capabilities.Battery | Capabilities.DeepSleep, cause, ResetReason.DeepSleepWake);
        }
    }
}
