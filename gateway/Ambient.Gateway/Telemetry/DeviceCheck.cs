using Ambient.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace Ambient.Gateway.Telemetry;

/// <summary>
/// The ingest path's per-frame registry check (is the sender registered, and not revoked?) on one open connection
/// with its query prepared once. It used to be DeviceRegistry.FindCredentials, which for every frame takes a pooled
/// connection, runs the per-connection pragmas and compiles its query again: most of FrameIngestor.Begin's time in
/// a profile of the embedded bench. It is still a read of the database per frame, because `devices remove` is
/// another process that only writes the registry: a revoked device's next frame is refused, as before.
/// </summary>
internal sealed class DeviceCheck(Database database) : IDisposable
{
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _query;
    private SqliteParameter? _id;
    private bool _disposed;

    public DeviceStatus Find(string deviceId)
    {
        // Brokers call this from every connection's receive loop; one connection, so one query at a time (a few
        // microseconds: an index lookup with nothing to compile).
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            if (_query is null)
            {
                _connection = database.Open();
                _query = _connection.CreateCommand();
                _query.CommandText = "SELECT revoked IS NOT NULL FROM devices WHERE id = $id";
                _id = _query.Parameters.Add("$id", SqliteType.Text);
                _query.Prepare();
            }

            _id!.Value = deviceId;
            try
            {
                return _query.ExecuteScalar() switch
                {
                    null => DeviceStatus.Unknown,
                    long revoked when revoked != 0 => DeviceStatus.Revoked,
                    _ => DeviceStatus.Active,
                };
            }
            catch (SqliteException)
            {
                // Start over on a fresh connection next time, in case this one is what failed.
                Close();
                throw;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Close();
        }
    }

    private void Close()
    {
        _query?.Dispose();
        _connection?.Dispose();
        _query = null;
        _connection = null;
        _id = null;
    }
}

/// <summary>What the registry says about a frame's sender.</summary>
internal enum DeviceStatus
{
    Unknown,
    Revoked,
    Active,
}
