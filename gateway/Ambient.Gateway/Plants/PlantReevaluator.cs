using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Plants;

/// <summary>Re-judges every pot periodically so a pot whose planter went silent turns Unknown rather than staying Ok.</summary>
internal sealed class PlantReevaluator(
    PlantMonitor monitor,
    IOptions<PlantsOptions> options,
    TimeProvider time,
    ILogger<PlantReevaluator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReevaluateEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await monitor.EvaluateAllAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failing subscriber or a locked database must not stop the loop; the next tick retries.
                PlantsLog.ReevaluationFailed(logger, ex);
            }
        }
    }
}
