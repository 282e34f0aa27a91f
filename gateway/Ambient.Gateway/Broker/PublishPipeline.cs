using MQTTnet.Adapter;

namespace Ambient.Gateway.Broker;

/// <summary>
/// One connection's PUBLISHes that wait for their commit while the broker reads on. Acknowledgements run one after
/// another in arrival order, as MQTT requires of PUBACKs [MQTT-4.6.0-2]; at most <c>capacity</c> are outstanding,
/// after that <see cref="EnqueueAsync"/> waits, which stops MQTTnet reading the socket (TCP back-pressure).
/// Only the connection's receive loop calls <see cref="EnqueueAsync"/> and <see cref="DrainAsync"/>, one call at a
/// time, so the queue needs no lock.
/// </summary>
internal sealed class PublishPipeline(IMqttChannelAdapter adapter, int capacity)
{
    private readonly Queue<Task> _outstanding = new();
    private Task _tail = Task.CompletedTask;
    private volatile bool _broken;

    public IMqttChannelAdapter Adapter { get; } = adapter;

    /// <summary>
    /// Set when an acknowledgement could not be made (the commit failed, or the socket did): later PUBACKs are not
    /// sent either, so the device resends everything from the first unacknowledged frame on.
    /// </summary>
    public bool IsBroken => _broken;

    public void Break() => _broken = true;

    /// <summary>Runs <paramref name="acknowledge"/> after every earlier one; waits while the pipeline is full.</summary>
    public async ValueTask EnqueueAsync(Func<Task> acknowledge)
    {
        while (_outstanding.TryPeek(out var oldest) && (oldest.IsCompleted || _outstanding.Count >= capacity))
        {
            await _outstanding.Dequeue().ConfigureAwait(false);
        }

        _tail = AfterAsync(_tail, acknowledge);
        _outstanding.Enqueue(_tail);
    }

    /// <summary>Completes when every PUBACK queued so far has been sent (or given up on).</summary>
    public Task DrainAsync() => _tail;

    // Never faults: acknowledge handles its own failures, so one frame cannot stall the chain behind it.
    private static async Task AfterAsync(Task previous, Func<Task> acknowledge)
    {
        await previous.ConfigureAwait(false);
        await acknowledge().ConfigureAwait(false);
    }
}
