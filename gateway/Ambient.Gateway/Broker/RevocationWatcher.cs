using Ambient.Gateway.Devices;
using MQTTnet.Protocol;

namespace Ambient.Gateway.Broker;

/// <summary>
/// Disconnects a device within <see cref="Interval"/> of its removal. `devices remove` is another process that
/// only writes the registry, so the running broker looks: every interval it compares the connected devices with
/// the revoked ones. (The ingest path also refuses a revoked device's next frame, so nothing is stored meanwhile.)
/// </summary>
public sealed class RevocationWatcher(EmbeddedBroker broker, DeviceRegistry registry, TimeProvider time, ILogger<RevocationWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>One look; returns the devices it disconnected.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync()
    {
        var connected = await broker.ConnectedClientIdsAsync().ConfigureAwait(false);
        if (connected.Count == 0)
        {
            return [];
        }

        var revoked = registry.List(includeRevoked: true).Where(d => d.Revoked is not null).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var kicked = connected.Where(revoked.Contains).ToList();
        foreach (var id in kicked)
        {
            BrokerLog.RevokedDisconnected(logger, id);
            await broker.DisconnectAsync(id, MqttDisconnectReasonCode.NotAuthorized).ConfigureAwait(false);
        }

        return kicked;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
            await CheckAsync().ConfigureAwait(false);
        }
    }
}
