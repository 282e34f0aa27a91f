using System.Text;
using System.Threading.Channels;
using Ambient.Gateway.Broker;
using Ambient.Gateway.Dashboard;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Plants;
using Ambient.Gateway.Telemetry;
using Ambient.Protocol;

namespace Ambient.Gateway.HomeAssistant;

/// <summary>
/// Keeps Home Assistant's view of the household: retained discovery configs for every active device (and empty ones
/// for revoked devices), a retained state JSON per device refreshed on every accepted frame and plant verdict, and
/// the gateway's availability. Everything is published again when HA announces itself online on
/// <c>homeassistant/status</c> (its birth message), as HA's docs ask. Frame and plant events only mark the device:
/// they are raised on the ingest path before the device's PUBACK, which must not wait for Home Assistant's copy.
/// Marks coalesce: a device that sent a hundred frames while the worker was busy is read and published once, and a
/// pass runs at most twice a second (one state read and retained publish per frame was as much of the ingest profile
/// as the commit itself).
/// HA's login is <see cref="HomeAssistantAccess"/>.
/// </summary>
public sealed class HomeAssistantBridge(
    EmbeddedBroker broker,
    DeviceRegistry registry,
    FrameIngestor ingestor,
    PlantMonitor plants,
    DeviceProvisioning provisioning,
    DeviceStateReader states,
    HomeAssistantAccess access,
    ILogger<HomeAssistantBridge> logger) : IHostedService
{
    private static readonly TimeSpan PassInterval = TimeSpan.FromMilliseconds(500);
    private readonly DiscoveryTopics _topics = access.Topics;
    private readonly HashSet<string> _announced = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, bool> _pending = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = System.Threading.Channels.Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });
    private Task _worker = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ingestor.FrameAcceptedAsync += OnFrameAsync;
        plants.StateChangedAsync += OnPlantAsync;
        provisioning.AddedAsync += OnAddedAsync;
        provisioning.RevokedAsync += OnRevokedAsync;
        access.StatusAsync += OnStatusAsync;
        await PublishAllAsync("start").ConfigureAwait(false);
        _worker = Task.Run(WorkAsync, CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        ingestor.FrameAcceptedAsync -= OnFrameAsync;
        plants.StateChangedAsync -= OnPlantAsync;
        provisioning.AddedAsync -= OnAddedAsync;
        provisioning.RevokedAsync -= OnRevokedAsync;
        access.StatusAsync -= OnStatusAsync;
        _wake.Writer.TryComplete();
        await _worker.ConfigureAwait(false);
        await PublishAsync(new DiscoveryMessage(_topics.Availability, "offline")).ConfigureAwait(false);
    }

    private async Task OnStatusAsync(string status)
    {
        if (status == "online")
        {
            HomeAssistantLog.HomeAssistantOnline(logger);
            await PublishAllAsync("Home Assistant online").ConfigureAwait(false);
        }
    }

    /// <summary>Availability, every active device's configs and state, and removals for revoked devices.</summary>
    public async Task PublishAllAsync(string reason)
    {
        await PublishAsync(new DiscoveryMessage(_topics.Availability, "online")).ConfigureAwait(false);
        var devices = registry.List(includeRevoked: true);
        var active = 0;
        foreach (var device in devices)
        {
            if (device.Revoked is null)
            {
                await AnnounceAsync(device).ConfigureAwait(false);
                await PublishStateAsync(device).ConfigureAwait(false);
                active++;
            }
            else
            {
                await RemoveAsync(device).ConfigureAwait(false);
            }
        }

        HomeAssistantLog.Published(logger, active, reason);
    }

    private async Task AnnounceAsync(DeviceRecord device)
    {
        foreach (var message in DiscoveryPayloads.For(device, _topics))
        {
            await PublishAsync(message).ConfigureAwait(false);
        }

        lock (_gate)
        {
            _announced.Add(device.Id);
        }
    }

    private async Task RemoveAsync(DeviceRecord device)
    {
        foreach (var message in DiscoveryPayloads.Removal(device, _topics))
        {
            await PublishAsync(message).ConfigureAwait(false);
        }

        lock (_gate)
        {
            _announced.Remove(device.Id);
        }
    }

    private Task PublishStateAsync(DeviceRecord device) =>
        PublishAsync(new DiscoveryMessage(_topics.State(device.Id), states.Read(device).ToJsonString()));

    private Task OnFrameAsync(FrameAcceptedEventArgs frame)
    {
        // A hello carries the firmware version the device block shows.
        Mark(frame.DeviceId, frame.Message is HelloMessage);
        return Task.CompletedTask;
    }

    private Task OnPlantAsync(PlantStateChanged change)
    {
        Mark(change.Pot.DeviceId, announce: false);
        return Task.CompletedTask;
    }

    private void Mark(string deviceId, bool announce)
    {
        lock (_gate)
        {
            _pending[deviceId] = announce || _pending.GetValueOrDefault(deviceId);
        }

        // At most one wake-up waits; a mark made while the worker runs is picked up by the next pass.
        _wake.Writer.TryWrite(true);
    }

    private async Task WorkAsync()
    {
        await foreach (var _ in _wake.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            KeyValuePair<string, bool>[] marked;
            lock (_gate)
            {
                marked = [.. _pending];
                _pending.Clear();
            }

            foreach (var (deviceId, announce) in marked)
            {
                try
                {
                    await UpdateAsync(deviceId, announce).ConfigureAwait(false);
                }
                catch (Microsoft.Data.Sqlite.SqliteException e)
                {
                    HomeAssistantLog.PublishFailed(logger, e.Message);
                }
            }

            // Marks made meanwhile wait for the next pass: a device that reports many times a second (a replay
            // after an outage) costs Home Assistant's copy two state reads a second, not one per frame. Wall-clock
            // time on purpose: this paces work on this machine, and a test's or the demo's clock must not stop it.
            await Task.Delay(PassInterval).ConfigureAwait(false);
        }
    }

    private async Task UpdateAsync(string deviceId, bool announce)
    {
        if (registry.Find(deviceId) is not { Revoked: null } device)
        {
            return;
        }

        bool known;
        lock (_gate)
        {
            known = _announced.Contains(device.Id);
        }

        // A device added from the shell (`devices add`) is new here.
        if (!known || announce)
        {
            await AnnounceAsync(device).ConfigureAwait(false);
        }

        await PublishStateAsync(device).ConfigureAwait(false);
    }

    private Task OnAddedAsync(DeviceRecord device) => AnnounceAsync(device);

    private async Task OnRevokedAsync(string deviceId)
    {
        if (registry.Find(deviceId) is { } device)
        {
            await RemoveAsync(device).ConfigureAwait(false);
            HomeAssistantLog.Removed(logger, deviceId);
        }
    }

    private async Task PublishAsync(DiscoveryMessage message)
    {
        try
        {
            await broker.PublishTopicAsync(message.Topic, Encoding.UTF8.GetBytes(message.Payload), retain: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            HomeAssistantLog.PublishFailed(logger, e.Message);
        }
    }
}
