using Ambient.Gateway.Broker;
using Ambient.Gateway.Telemetry;
using Ambient.Protocol;

namespace Ambient.Gateway.Plants;

/// <summary>
/// Connects the plants to the wire: accepted telemetry of a configured pot goes to the <see cref="PlantMonitor"/>,
/// and every state change goes down to that planter's LED as a retained plant-state frame, so a sleeping planter
/// finds the verdict waiting when it next connects.
/// </summary>
public sealed class PlantTelemetryLink(FrameIngestor ingestor, PlantMonitor monitor, IDownlinkPublisher downlinks, TimeProvider time) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ingestor.FrameAcceptedAsync += OnFrameAsync;
        monitor.StateChangedAsync += OnStateChangedAsync;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        ingestor.FrameAcceptedAsync -= OnFrameAsync;
        monitor.StateChangedAsync -= OnStateChangedAsync;
        return Task.CompletedTask;
    }

    private async Task OnFrameAsync(FrameAcceptedEventArgs frame)
    {
        if (frame.Message is not TelemetryMessage telemetry || monitor.Pots.All(p => p.DeviceId != frame.DeviceId))
        {
            return;
        }

        // A boot-relative time cannot be placed exactly here; the receive time is close enough for plant care.
        var unsynced = telemetry.Flags.HasFlag(FrameFlags.TimeUnsynced);
        var readings = telemetry.Readings
            .Select(r => (unsynced ? frame.ReceivedAt : DateTimeOffset.FromUnixTimeSeconds(telemetry.TimestampOf(r.Sample)), r.Kind, r.Value))
            .ToList();
        await monitor.OnReadingsAsync(frame.DeviceId, readings);
    }

    private Task OnStateChangedAsync(PlantStateChanged change)
    {
        var message = change.Message;
        message.Sequence = DownlinkSequence.Next();
        message.Timestamp = (uint)time.GetUtcNow().ToUnixTimeSeconds();
        return downlinks.PublishAsync(change.Pot.DeviceId, Channel.Plant, FrameEncoder.Encode(message), retain: true, CancellationToken.None);
    }
}
