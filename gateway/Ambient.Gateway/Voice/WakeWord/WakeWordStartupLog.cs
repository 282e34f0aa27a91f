namespace Ambient.Gateway.Voice.WakeWord;

/// <summary>
/// Says at start-up whether the wake word is listened for, and why not: <see
/// cref="WakeWordServiceCollectionExtensions.AddWakeWord"/> decides before any logger exists.
/// </summary>
internal sealed class WakeWordStartupLog(IServiceProvider services, ILogger<WakeWordStartupLog> logger, string? notRegisteredReason) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (notRegisteredReason is not null)
        {
            WakeWordLog.NotRegistered(logger, notRegisteredReason);
            return Task.CompletedTask;
        }

        // Resolving the singleton here loads the model at start-up, not on the first uplink audio.
        var detector = services.GetRequiredService<WakeWordDetector>();
        var o = detector.Options;
        WakeWordLog.Loaded(logger, o.ModelPath, detector.WindowSamples * 1000 / WakeWordDetector.SampleRate, o.Threshold, o.SmoothingHops, o.TriggerHops);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
