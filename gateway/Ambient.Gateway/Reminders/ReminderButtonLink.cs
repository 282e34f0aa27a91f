using Ambient.Gateway.Telemetry;
using Ambient.Protocol;

namespace Ambient.Gateway.Reminders;

/// <summary>Applies earbud button presses to the reminder just delivered (see <see cref="ReminderButton"/>).</summary>
public sealed class ReminderButtonLink(FrameIngestor ingestor, ReminderScheduler scheduler, TimeProvider time) : IHostedService
{
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

    private Task OnFrameAsync(FrameAcceptedEventArgs frame)
    {
        if (frame.Message is not EventMessage { Kind: EventKind.Button } pressed)
        {
            return Task.CompletedTask;
        }

        var latest = scheduler.LatestSent();
        switch (ReminderButton.Decide(pressed, latest, time.GetUtcNow()))
        {
            case ReminderButton.Answer.Acknowledge:
                scheduler.Acknowledge(latest!.Id);
                break;
            case ReminderButton.Answer.Snooze:
                scheduler.Snooze(latest!.Id, ReminderButton.SnoozeFor);
                break;
            case ReminderButton.Answer.None:
                break;
        }

        return Task.CompletedTask;
    }
}
