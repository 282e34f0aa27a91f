using System.Buffers;
using System.Text;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Storage;
using Ambient.Protocol;

namespace Ambient.Gateway.Telemetry;

/// <summary>
/// The one ingest path for both broker modes: topic → device check → decode → type check → batch → commit.
/// <para>
/// Malformed frames (decode failure, wrong type for the channel, unknown or revoked device, bad status text) are
/// logged with the device id and the decoder's description, counted per reason, and NOT stored, but they are
/// still acknowledged: a corrupt frame in a device's flash ring buffer would otherwise be resent after every
/// reconnect for ever and block the frames behind it. MQTT 5 devices see the refusal in the PUBACK reason code
/// (0x99 payload format invalid); MQTT 3.1.1 has no place for it, and the gateway's counters are the record.
/// </para>
/// <para>
/// A storage failure is different: the exception propagates, no PUBACK is sent, and the device resends.
/// </para>
/// </summary>
public sealed class FrameIngestor(
    Database database,
    IngestWriter writer,
    IngestCounters counters,
    TimeProvider time,
    ILogger<FrameIngestor> logger) : IDisposable
{
    private readonly RejectionLogLimiter _logLimiter = new(time);
    private readonly DeviceCheck _devices = new(database);
    private readonly Lock _handlersGate = new();
    private Func<FrameAcceptedEventArgs, Task>? _accepted;

    // The subscribers as an array, rebuilt when one is added or removed (at start and stop), rather than
    // GetInvocationList() for every frame.
    private Func<FrameAcceptedEventArgs, Task>[] _handlers = [];

    /// <summary>Raised after a frame is committed; handler failures are logged and do not affect the device.</summary>
    public event Func<FrameAcceptedEventArgs, Task>? FrameAcceptedAsync
    {
        add
        {
            lock (_handlersGate)
            {
                _accepted += value;
                _handlers = Handlers(_accepted);
            }
        }

        remove
        {
            lock (_handlersGate)
            {
                _accepted -= value;
                _handlers = Handlers(_accepted);
            }
        }
    }

    public void Dispose() => _devices.Dispose();

    /// <summary>
    /// Validates and queues the frame synchronously (so frames keep their arrival order in the writer) and
    /// completes when it is durable.
    /// </summary>
    public Task<IngestOutcome> IngestAsync(string topic, ReadOnlySequence<byte> payload, CancellationToken cancellationToken) =>
        FinishAsync(Begin(topic, payload, cancellationToken));

    /// <summary>
    /// The synchronous half of <see cref="IngestAsync"/>: reads the payload, checks and decodes it and queues the
    /// batch before returning, so the caller may reuse the buffer and frames keep their arrival order. Nothing is
    /// durable until <see cref="FinishAsync"/> completes; the embedded broker uses the split to keep reading a
    /// connection's next PUBLISH while this one waits for its commit.
    /// </summary>
    public PendingIngest Begin(string topic, ReadOnlySequence<byte> payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var receivedAt = time.GetUtcNow();
        var info = Topics.Parse(topic);
        if (!info.IsValid || !(info.IsUp || info.Channel == Channel.Status))
        {
            return new PendingIngest(Reject(info.DeviceId, topic, FrameRejection.NotAnAmbientTopic, null));
        }

        var status = _devices.Find(info.DeviceId);
        if (status != DeviceStatus.Active)
        {
            return new PendingIngest(Reject(info.DeviceId, topic, status == DeviceStatus.Unknown ? FrameRejection.UnknownDevice : FrameRejection.RevokedDevice, null));
        }

        Message? message = null;
        IngestBatch batch;
        if (info.Channel == Channel.Status)
        {
            var text = Encoding.UTF8.GetString(payload);
            if (text is not (Topics.Online or Topics.Offline))
            {
                return new PendingIngest(Reject(info.DeviceId, topic, FrameRejection.BadStatus, null));
            }

            batch = new IngestBatch { DeviceId = info.DeviceId, ReceivedAt = receivedAt.ToUnixTimeSeconds(), Online = text == Topics.Online };
        }
        else
        {
            var result = FrameDecoder.Decode(payload.ToArray());
            if (!result.IsOk)
            {
                return new PendingIngest(Reject(info.DeviceId, topic, DecodeResult.StatusName(result.Status), result.Describe()));
            }

            if (result.Message.Type != Topics.TypeOf(info.Channel))
            {
                return new PendingIngest(Reject(info.DeviceId, topic, FrameRejection.TypeDoesNotMatchTopic, $"type {(byte)result.Message.Type} on {topic}"));
            }

            message = result.Message;
            batch = BatchFor(info.DeviceId, message, receivedAt);
        }

        var commit = writer.Enqueue(batch, cancellationToken);
        return new PendingIngest(commit, message is null ? null : new FrameAcceptedEventArgs(info.DeviceId, message, receivedAt));
    }

    /// <summary>Waits for the commit of a frame <see cref="Begin"/> queued, then tells the capabilities about it.</summary>
    public async Task<IngestOutcome> FinishAsync(PendingIngest pending)
    {
        if (pending.Commit is null)
        {
            return pending.Rejection;
        }

        var commit = await pending.Commit.ConfigureAwait(false);
        counters.Accepted();
        if (pending.Accepted is { } accepted && _handlers is { Length: > 0 } handlers)
        {
            await RaiseAsync(handlers, accepted).ConfigureAwait(false);
        }

        return new IngestOutcome(true, null, null, commit);
    }

    private IngestBatch BatchFor(string deviceId, Message message, DateTimeOffset receivedAt)
    {
        var now = receivedAt.ToUnixTimeSeconds();
        switch (message)
        {
            case HelloMessage hello:
                var firmware = $"{hello.FirmwareMajor}.{hello.FirmwareMinor}.{hello.FirmwarePatch}";
                var kind = DeviceKinds.NameOf(hello.Kind);
                TelemetryLog.Hello(logger, deviceId, kind, firmware, hello.BootId, hello.UptimeSeconds);
                return new IngestBatch
                {
                    DeviceId = deviceId,
                    ReceivedAt = now,
                    Hello = new HelloUpdate(kind, firmware, (int)hello.Capabilities, hello.BootId, now - hello.UptimeSeconds),
                };
            case TelemetryMessage telemetry:
                var unsynced = (telemetry.Flags & FrameFlags.TimeUnsynced) != 0;
                var rows = new ReadingRow[telemetry.Readings.Length];
                int? battery = null, rssi = null;
                for (var i = 0; i < rows.Length; i++)
                {
                    var r = telemetry.Readings[i];
                    rows[i] = new ReadingRow(telemetry.BootId, telemetry.SequenceOf(r.Sample), r.Kind, r.Value, telemetry.TimestampOf(r.Sample), unsynced);
                    // Readings are ordered by sample, so the last one of a kind is the newest.
                    if (r.Kind == SensorKind.BatteryMillivolts)
                    {
                        battery = r.Value;
                    }
                    else if (r.Kind == SensorKind.RssiDbm)
                    {
                        rssi = r.Value;
                    }
                }

                return new IngestBatch { DeviceId = deviceId, ReceivedAt = now, Readings = rows, BatteryMillivolts = battery, RssiDbm = rssi };
            default:
                // Events, audio and acks belong to other capabilities (FrameAcceptedAsync); here they count as a sign of life.
                return new IngestBatch { DeviceId = deviceId, ReceivedAt = now };
        }
    }

    private static Func<FrameAcceptedEventArgs, Task>[] Handlers(Func<FrameAcceptedEventArgs, Task>? combined) =>
        combined is null ? [] : [.. combined.GetInvocationList().Cast<Func<FrameAcceptedEventArgs, Task>>()];

    private async Task RaiseAsync(Func<FrameAcceptedEventArgs, Task>[] handlers, FrameAcceptedEventArgs args)
    {
        foreach (var handler in handlers)
        {
            try
            {
                await handler(args).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A subscriber's bug must not turn a committed frame into a resend.
            catch (Exception e)
#pragma warning restore CA1031
            {
                TelemetryLog.SubscriberFailed(logger, e, args.DeviceId);
            }
        }
    }

    private IngestOutcome Reject(string? deviceId, string topic, string reason, string? detail)
    {
        counters.Rejected(reason);
        if (_logLimiter.ShouldLog(deviceId, out var suppressed))
        {
            TelemetryLog.FrameRejected(logger, deviceId, topic, reason, detail, suppressed);
        }

        return IngestOutcome.Rejected(reason, detail);
    }
}
