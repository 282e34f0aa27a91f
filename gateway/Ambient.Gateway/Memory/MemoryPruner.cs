using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Memory;

/// <summary>Deletes interactions older than Memory:Retention at start and then once a day (the FTS index follows by trigger).</summary>
public sealed class MemoryPruner(MemoryStore store, IOptions<MemoryOptions> options, TimeProvider time, ILogger<MemoryPruner> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>One pass; returns how many rows went.</summary>
    public int PruneOnce()
    {
        var deleted = store.DeleteBefore(time.GetUtcNow() - options.Value.Retention);
        MemoryLog.Pruned(logger, deleted, options.Value.Retention.TotalDays);
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                PruneOnce();
            }
            catch (Microsoft.Data.Sqlite.SqliteException e)
            {
                // Busy or locked: tomorrow's pass deletes the same rows.
                MemoryLog.PruneFailed(logger, e);
            }

            await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
        }
    }
}
