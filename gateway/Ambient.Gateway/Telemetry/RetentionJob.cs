using Ambient.Gateway.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Telemetry;

/// <summary>
/// Keeps raw readings for Telemetry:RawRetention (30 days) and hourly min/max/sum/count per device and kind for
/// good. Each run recomputes the hours touched by rows inserted since the last run (found by the monotonic row id),
/// from the raw rows, so replays and late batches give the same aggregate as a single pass; then it deletes raw rows
/// before the hour-aligned cutoff in small transactions so the ingest writer is never blocked for long. Runs on
/// the injected <see cref="TimeProvider"/>, so tests drive it with a fake clock.
/// </summary>
public sealed class RetentionJob(Database database, IOptions<TelemetryOptions> options, TimeProvider time, ILogger<RetentionJob> logger)
    : BackgroundService
{
    private const int DeleteChunk = 5000;

    public RetentionResult RunOnce()
    {
        var now = time.GetUtcNow();
        var cutoffSeconds = (now - options.Value.RawRetention).ToUnixTimeSeconds() / 3600 * 3600;
        using var connection = database.Open();
        int groups;
        using (var transaction = connection.BeginTransaction())
        {
            var last = Scalar(connection, transaction, "SELECT coalesce((SELECT aggregated FROM retention_state WHERE id = 1), 0)");
            var newest = Scalar(connection, transaction, "SELECT coalesce(max(id), 0) FROM readings");
            using var aggregate = connection.CreateCommand();
            aggregate.Transaction = transaction;
            aggregate.CommandText = """
                INSERT INTO readings_hourly (device, kind, hour, min, max, sum, count)
                SELECT r.device, r.kind, t.hour, min(r.value), max(r.value), sum(r.value), count(*)
                FROM (SELECT DISTINCT device, kind, ts / 3600 * 3600 AS hour FROM readings WHERE id > $last AND id <= $newest) t
                JOIN readings r ON r.device = t.device AND r.kind = t.kind AND r.ts >= t.hour AND r.ts < t.hour + 3600
                WHERE true
                GROUP BY r.device, r.kind, t.hour
                ON CONFLICT (device, kind, hour) DO UPDATE SET
                    min = excluded.min, max = excluded.max, sum = excluded.sum, count = excluded.count
                """;
            aggregate.Parameters.AddWithValue("$last", last);
            aggregate.Parameters.AddWithValue("$newest", newest);
            groups = aggregate.ExecuteNonQuery();
            using var state = connection.CreateCommand();
            state.Transaction = transaction;
            state.CommandText = "INSERT INTO retention_state (id, aggregated) VALUES (1, $newest) ON CONFLICT (id) DO UPDATE SET aggregated = excluded.aggregated";
            state.Parameters.AddWithValue("$newest", newest);
            state.ExecuteNonQuery();
            transaction.Commit();
        }

        var deleted = 0;
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM readings WHERE id IN (SELECT id FROM readings WHERE ts < $cutoff LIMIT $chunk)";
        delete.Parameters.AddWithValue("$cutoff", cutoffSeconds);
        delete.Parameters.AddWithValue("$chunk", DeleteChunk);
        int n;
        do
        {
            n = delete.ExecuteNonQuery();
            deleted += n;
        }
        while (n == DeleteChunk);

        var result = new RetentionResult(groups, deleted, DateTimeOffset.FromUnixTimeSeconds(cutoffSeconds));
        TelemetryLog.RetentionRan(logger, result.AggregatedGroups, result.DeletedReadings, result.Cutoff);
        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // the first run must not hold up host start-up
        using var timer = new PeriodicTimer(options.Value.RetentionInterval, time);
        do
        {
            try
            {
                RunOnce();
            }
            catch (SqliteException e)
            {
                TelemetryLog.RetentionFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
