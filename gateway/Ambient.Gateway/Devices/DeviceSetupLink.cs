using Ambient.Gateway.Broker;
using Ambient.Gateway.Calendar;
using Ambient.Gateway.Greetings;
using Ambient.Gateway.Telemetry;
using Ambient.Protocol;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Devices;

/// <summary>
/// Answers every hello with the time and, for a magnet, its morning window (see <see cref="DeviceSetup"/>); the window
/// is read per hello, so one saved in the dashboard reaches each magnet on its next hello.
/// </summary>
public sealed class DeviceSetupLink(
    FrameIngestor ingestor,
    IDownlinkPublisher downlinks,
    IOptions<CalendarOptions> calendar,
    IOptionsMonitor<GreetingsOptions> greetings,
    TimeProvider time) : IHostedService
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(calendar.Value.TimeZone);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        ingestor.FrameAcceptedAsync += OnFrameAsync;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        ingestor.FrameAcceptedAsync -= OnFrameAsync;
        return Task.CompletedTask;
    }

    private async Task OnFrameAsync(FrameAcceptedEventArgs frame)
    {
        if (frame.Message is not HelloMessage hello)
        {
            return;
        }

        var now = time.GetUtcNow();
        await SendAsync(frame.DeviceId, Channel.Time, DeviceSetup.Time(now, _zone), now);
        if (DeviceSetup.Config(hello.Kind, greetings.CurrentValue.MorningStart, greetings.CurrentValue.MorningEnd) is { } config)
        {
            await SendAsync(frame.DeviceId, Channel.Config, config, now);
        }
    }

    private Task SendAsync(string deviceId, Channel channel, Message message, DateTimeOffset now)
    {
        message.Sequence = DownlinkSequence.Next();
        message.Timestamp = (uint)now.ToUnixTimeSeconds();
        return downlinks.PublishAsync(deviceId, channel, FrameEncoder.Encode(message), retain: false, CancellationToken.None);
    }
}
