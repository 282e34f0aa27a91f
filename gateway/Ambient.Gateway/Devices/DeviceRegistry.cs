using System.Security.Cryptography;
using Ambient.Gateway.Storage;
using Ambient.Protocol;
using Microsoft.Data.Sqlite;

namespace Ambient.Gateway.Devices;

/// <summary>
/// The registry table: provisioning, revocation and the reads CONNECT validation and the API need. State that
/// devices report (hello, online, last seen, battery) is written by the telemetry writer in the same transaction
/// as the frame that carried it.
/// </summary>
public sealed class DeviceRegistry(Database database, SecretHasher hasher, TimeProvider time)
{
    private const int SecretBytes = 24;

    /// <summary>
    /// Adds a device (or re-provisions a revoked one) with a fresh random secret; only its hash is stored.
    /// </summary>
    /// <exception cref="ArgumentException">The id or kind is invalid.</exception>
    /// <exception cref="InvalidOperationException">An active device already has this id.</exception>
    public ProvisionedDevice Add(string id, string kind)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(kind);
        var why = DeviceId.Explain(id);
        if (why is not null)
        {
            throw new ArgumentException($"'{id}' is not a valid device id: {why}", nameof(id));
        }

        if (!DeviceKinds.IsKnown(kind))
        {
            throw new ArgumentException($"unknown kind '{kind}' (one of: {string.Join(", ", DeviceKinds.Names)})", nameof(kind));
        }

        // 192 bits from the OS CSPRNG, URL-safe so it survives being typed into firmware config or a QR code.
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO devices (id, kind, secret_hash, created) VALUES ($id, $kind, $hash, $now)
            ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, secret_hash = excluded.secret_hash,
                created = excluded.created, revoked = NULL, online = 0
            WHERE devices.revoked IS NOT NULL
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$hash", hasher.Hash(secret));
        command.Parameters.AddWithValue("$now", now);
        if (command.ExecuteNonQuery() == 0)
        {
            throw new InvalidOperationException($"device '{id}' already exists (remove it first to issue a new secret)");
        }

        return new ProvisionedDevice(Find(id)!, secret);
    }

    /// <summary>Revokes a device; false when there is no active device with this id.</summary>
    public bool Revoke(string id)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE devices SET revoked = $now, online = 0 WHERE id = $id AND revoked IS NULL";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeSeconds());
        return command.ExecuteNonQuery() == 1;
    }

    public DeviceCredentials? FindCredentials(string id)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT secret_hash, revoked IS NOT NULL FROM devices WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new DeviceCredentials(id, reader.GetString(0), reader.GetBoolean(1)) : null;
    }

    /// <summary>Registered and not revoked (checked per frame, so a revocation stops ingest at once).</summary>
    public bool IsActive(string id)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM devices WHERE id = $id AND revoked IS NULL";
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() is not null;
    }

    public DeviceRecord? Find(string id) => Query("WHERE id = $id", ("$id", id)).FirstOrDefault();

    public IReadOnlyList<DeviceRecord> List(bool includeRevoked = false) =>
        Query(includeRevoked ? "ORDER BY id" : "WHERE revoked IS NULL ORDER BY id");

    public int CountOnline()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM devices WHERE online = 1 AND revoked IS NULL";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>At broker start nobody is connected yet, whatever the file says from the last run.</summary>
    public void MarkAllOffline()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE devices SET online = 0 WHERE online = 1";
        command.ExecuteNonQuery();
    }

    private List<DeviceRecord> Query(string where, params (string Name, object Value)[] parameters)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT id, kind, created, revoked, last_seen, firmware, capabilities, battery_mv, rssi_dbm, online
            FROM devices {where}
            """;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var list = new List<DeviceRecord>();
        while (reader.Read())
        {
            list.Add(new DeviceRecord(
                reader.GetString(0),
                reader.GetString(1),
                DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(2)),
                Time(reader, 3),
                Time(reader, 4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetInt32(7),
                reader.IsDBNull(8) ? null : reader.GetInt32(8),
                reader.GetBoolean(9)));
        }

        return list;
    }

    private static DateTimeOffset? Time(SqliteDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(column));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
