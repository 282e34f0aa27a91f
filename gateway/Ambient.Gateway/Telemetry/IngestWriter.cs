using System.Threading.Channels;
using Ambient.Gateway.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Telemetry;

/// <summary>
/// The only writer of device data. Publishers enqueue batches; this loop takes everything waiting (up to
/// Telemetry:MaxFramesPerCommit) and commits it in one transaction, so fsyncs are shared: SQLite does tens of
/// transactions per second on slow storage but tens of thousands of inserts inside one (SQLite FAQ #19).
/// If a commit fails, every batch in it fails and no PUBACK is sent, so devices resend.
/// </summary>
public sealed partial class IngestWriter : BackgroundService
{
    private readonly Channel<IngestBatch> _queue;
    private readonly Database _database;
    private readonly IngestCounters _counters;
    private readonly TelemetryOptions _options;
    private readonly ILogger<IngestWriter> _logger;

    public IngestWriter(Database database, IngestCounters counters, IOptions<TelemetryOptions> options, ILogger<IngestWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _counters = counters;
        _options = options.Value;
        _logger = logger;
        // FIFO with one reader: batches commit in the order they were enqueued, so a Hello is applied before the
        // telemetry that follows it on the same connection.
        _queue = Channel.CreateBounded<IngestBatch>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>
    /// Queues a batch; the returned task completes when it is committed. The ingest path's form of
    /// <see cref="WriteAsync"/>: when the queue has room (the usual case) it hands back the batch's own task instead
    /// of wrapping it in another async method for every frame.
    /// </summary>
    internal Task<IngestCommit> Enqueue(IngestBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!_queue.Writer.TryWrite(batch))
        {
            return WriteAsync(batch, cancellationToken).AsTask();
        }

        return cancellationToken.CanBeCanceled ? batch.Committed.WaitAsync(cancellationToken) : batch.Committed;
    }

    /// <summary>Queues a batch; the returned task completes when it is committed.</summary>
    public async ValueTask<IngestCommit> WriteAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!_queue.Writer.TryWrite(batch))
        {
            await _queue.Writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        return await batch.Committed.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var connection = _database.Open();
        var statements = new WriterStatements(connection);
        var pending = new List<IngestBatch>(_options.MaxFramesPerCommit);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (pending.Count < _options.MaxFramesPerCommit && _queue.Reader.TryRead(out var batch))
                {
                    pending.Add(batch);
                }

                if (!Commit(connection, statements, pending))
                {
                    // Start the next commit on freshly compiled statements, in case they are what failed.
                    statements.Dispose();
                    statements = new WriterStatements(connection);
                }

                pending.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: whatever is still queued was never acknowledged, so devices will resend it.
        }
        finally
        {
            statements.Dispose();
            _queue.Writer.TryComplete();
            var stopping = new OperationCanceledException("the gateway is stopping");
            while (_queue.Reader.TryRead(out var left))
            {
                left.Fail(stopping);
            }
        }
    }

    private bool Commit(SqliteConnection connection, WriterStatements statements, List<IngestBatch> batches)
    {
        var results = new IngestCommit[batches.Count];
        try
        {
            using (var transaction = connection.BeginTransaction())
            {
                statements.Use(transaction);
                for (var i = 0; i < batches.Count; i++)
                {
                    results[i] = statements.Apply(batches[i], _options.RawRetention);
                }

                statements.UpdateDevices();

                transaction.Commit();
            }
        }
#pragma warning disable CA1031 // Whatever failed, these batches must fail (no PUBACK) rather than hang their publishers.
        catch (Exception e)
#pragma warning restore CA1031
        {
            TelemetryLog.CommitFailed(_logger, e, batches.Count);
            foreach (var batch in batches)
            {
                batch.Fail(e);
            }

            return false;
        }

        _counters.Committed();
        for (var i = 0; i < batches.Count; i++)
        {
            _counters.ReadingsWritten(results[i]);
            batches[i].Complete(results[i]);
        }

        TelemetryLog.Committed(_logger, batches.Count);
        return true;
    }
}
