namespace Ambient.Gateway.Demo;

/// <summary>`--for`: stops the demo after that much wall-clock time.</summary>
public sealed class DemoStopper(DemoOptions options, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.For is { } duration)
        {
            await Task.Delay(duration, stoppingToken);
            lifetime.StopApplication();
        }
    }
}
