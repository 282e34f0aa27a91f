using Ambient.Gateway.Telemetry;
using MQTTnet.Adapter;
using MQTTnet.Exceptions;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Ambient.Gateway.Broker;

/// <summary>
/// One connection's PUBLISHes that wait for their commit while the broker reads on. One worker finishes them in
/// arrival order (commit, then the capabilities' events) and writes their PUBACKs in that order, as MQTT requires
/// [MQTT-4.6.0-2]; the frames behind it whose commit is already done join the same write (<see cref="PubAckCoalescer"/>),
/// so a group commit costs a connection one send(), not one per frame. At most <c>capacity</c> are outstanding;
/// after that <see cref="EnqueueAsync"/> waits, which stops MQTTnet reading the socket (TCP back-pressure).
/// Only the connection's receive loop calls <see cref="EnqueueAsync"/> and <see cref="DrainAsync"/>.
/// </summary>
internal sealed class PublishPipeline(
    IMqttChannelAdapter adapter,
    PubAckCoalescer writes,
    int capacity,
    FrameIngestor ingestor,
    TimeSpan sendTimeout,
    ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly Queue<Waiting> _waiting = new();
    private readonly List<MqttPubAckPacket> _acks = [];
    private Task _worker = Task.CompletedTask;
    private bool _running;
    private int _outstanding;
    private TaskCompletionSource? _space;
    private volatile bool _broken;

    /// <summary>
    /// After this (or when an acknowledgement could not be made: the commit failed, or the socket did) later PUBACKs
    /// are not sent either, so the device resends everything from the first unacknowledged frame on.
    /// </summary>
    public void Break() => _broken = true;

    /// <summary>Queues a frame <see cref="FrameIngestor.Begin"/> accepted; waits while the pipeline is full.</summary>
    public async ValueTask EnqueueAsync(PendingIngest pending, ushort packetId, string deviceId)
    {
        while (true)
        {
            Task space;
            lock (_gate)
            {
                if (_outstanding < capacity)
                {
                    _outstanding++;
                    _waiting.Enqueue(new Waiting(pending, packetId, deviceId));
                    if (!_running)
                    {
                        _running = true;
                        _worker = Task.Run(AcknowledgeAsync);
                    }

                    return;
                }

                _space ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                space = _space.Task;
            }

            await space.ConfigureAwait(false);
        }
    }

    /// <summary>Completes when every PUBACK queued so far has been sent (or given up on).</summary>
    public Task DrainAsync()
    {
        lock (_gate)
        {
            return _running ? _worker : Task.CompletedTask;
        }
    }

    // Never faults: a failed commit or send breaks the pipeline and closes the connection instead.
    private async Task AcknowledgeAsync()
    {
        while (true)
        {
            Waiting next;
            lock (_gate)
            {
                if (!_waiting.TryDequeue(out next))
                {
                    _running = false;
                    return;
                }
            }

            var taken = 0;
            while (true)
            {
                taken++;
                await FinishAsync(next).ConfigureAwait(false);
                lock (_gate)
                {
                    // Frames whose commit is done (or that were refused) finish without waiting: same write.
                    if (!_waiting.TryPeek(out next) || next.Pending.Commit is { IsCompleted: false })
                    {
                        break;
                    }

                    _waiting.Dequeue();
                }
            }

            await SendAsync().ConfigureAwait(false);
            TaskCompletionSource? space;
            lock (_gate)
            {
                _outstanding -= taken;
                space = _space;
                _space = null;
            }

            space?.TrySetResult();
        }
    }

    private async Task FinishAsync(Waiting frame)
    {
        IngestOutcome outcome;
        try
        {
            outcome = await ingestor.FinishAsync(frame.Pending).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever failed, this frame is not durable: no PUBACK, and the connection is closed.
        catch (Exception error)
#pragma warning restore CA1031
        {
            // As when the commit failed inside MQTTnet's interceptor: the connection ends, the device reconnects and
            // resends everything unacknowledged (the insert is idempotent).
            BrokerLog.PipelinedCommitFailed(logger, error, frame.DeviceId);
            await BreakAndCloseAsync(frame.PacketId).ConfigureAwait(false);
            return;
        }

        if (!_broken)
        {
            // MQTT 3.1.1's PUBACK has no reason code; MQTTnet's formatter writes only the packet id for it.
            _acks.Add(new MqttPubAckPacket
            {
                PacketIdentifier = frame.PacketId,
                ReasonCode = outcome.Accepted ? MqttPubAckReasonCode.Success : MqttPubAckReasonCode.PayloadFormatInvalid,
                ReasonString = outcome.Reason,
            });
        }
    }

    private async Task SendAsync()
    {
        if (_acks.Count == 0)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(sendTimeout);
        try
        {
            for (var i = 0; i < _acks.Count && !_broken; i++)
            {
                // The last PUBACK of the batch (or whatever is written next) carries the held ones out.
                writes.Holding = i < _acks.Count - 1;
                await adapter.SendPacketAsync(_acks[i], timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is MqttCommunicationException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The device resends what it has no PUBACK for, and the duplicate is ignored. A connection that could
            // not take a PUBACK in time is closed, so the device does not wait on one that never comes.
            BrokerLog.PubAckLost(logger, _acks[0].PacketIdentifier, e.GetType().Name);
            await BreakAndCloseAsync(_acks[0].PacketIdentifier).ConfigureAwait(false);
        }
        finally
        {
            writes.Holding = false;
            _acks.Clear();
        }
    }

    private async Task BreakAndCloseAsync(ushort packetId)
    {
        _broken = true;
        try
        {
            await adapter.DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MqttCommunicationException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            BrokerLog.PubAckLost(logger, packetId, e.GetType().Name);
        }
    }

    private readonly record struct Waiting(PendingIngest Pending, ushort PacketId, string DeviceId);
}
