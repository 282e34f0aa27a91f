using Ambient.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace Ambient.Gateway.Memory;

/// <summary>Remembered interactions in the gateway database: add one, search the texts, list a person's latest.</summary>
public sealed class MemoryStore(Database database)
{
    /// <summary>The most rows one call returns.</summary>
    public const int MaxLimit = 200;

    private const string Columns = "m.id, m.at, m.kind, m.person, m.device, m.text, m.made_by, m.latency_ms";

    /// <summary>Stores one interaction and returns its id.</summary>
    public long Add(DateTimeOffset at, string kind, string? person, string? device, string text, string madeBy, double? latencyMs = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(text);
        ArgumentException.ThrowIfNullOrEmpty(madeBy);
        if (!MemoryKinds.All.Contains(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "not one of " + string.Join(", ", MemoryKinds.All));
        }

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO memories (at, kind, person, device, text, made_by, latency_ms)
            VALUES ($at, $kind, $person, $device, $text, $madeBy, $latency)
            RETURNING id
            """;
        command.Parameters.AddWithValue("$at", at.ToUnixTimeSeconds());
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$person", (object?)person ?? DBNull.Value);
        command.Parameters.AddWithValue("$device", (object?)device ?? DBNull.Value);
        command.Parameters.AddWithValue("$text", text);
        command.Parameters.AddWithValue("$madeBy", madeBy);
        command.Parameters.AddWithValue("$latency", (object?)latencyMs ?? DBNull.Value);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Interactions whose text contains every word (and quoted phrase) of <paramref name="query"/>, newest first;
    /// the latest ones of all kinds when the query is null or blank. Any text is a valid query (see
    /// <see cref="MemoryQuery"/>); one with no word in it (only punctuation) matches nothing.
    /// </summary>
    public IReadOnlyList<MemoryEntry> Search(string? query, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        if (string.IsNullOrWhiteSpace(query))
        {
            return Query("FROM memories m ORDER BY m.at DESC, m.id DESC LIMIT $limit", ("$limit", limit));
        }

        return MemoryQuery.ToMatch(query) is { } match
            ? Query(
                "FROM memories_fts f JOIN memories m ON m.id = f.rowid WHERE memories_fts MATCH $match ORDER BY m.at DESC, m.id DESC LIMIT $limit",
                ("$match", match),
                ("$limit", limit))
            : [];
    }

    /// <summary>
    /// <paramref name="person"/>'s interactions since <paramref name="since"/>, newest first, at most
    /// <paramref name="limit"/>; only those of <paramref name="kind"/> when given.
    /// </summary>
    public IReadOnlyList<MemoryEntry> Recent(string person, DateTimeOffset since, int limit, string? kind = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        return Query(
            "FROM memories m WHERE m.person = $person AND m.at >= $since AND ($kind IS NULL OR m.kind = $kind) ORDER BY m.at DESC, m.id DESC LIMIT $limit",
            ("$person", person),
            ("$since", since.ToUnixTimeSeconds()),
            ("$kind", (object?)kind ?? DBNull.Value),
            ("$limit", limit));
    }

    /// <summary>Deletes every interaction before <paramref name="cutoff"/>; returns how many.</summary>
    public int DeleteBefore(DateTimeOffset cutoff)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM memories WHERE at < $cutoff";
        command.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeSeconds());
        return command.ExecuteNonQuery();
    }

    /// <summary>The latest interactions of the given kinds (all kinds when none is given), newest first.</summary>
    public IReadOnlyList<MemoryEntry> Latest(int limit, params string[] kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        // The kinds are checked against the schema's list, so they can go into the IN list as parameters by position.
        var names = kinds.Length == 0 ? MemoryKinds.All : kinds;
        if (names.Any(k => !MemoryKinds.All.Contains(k)))
        {
            throw new ArgumentOutOfRangeException(nameof(kinds), string.Join(", ", kinds), "not all of " + string.Join(", ", MemoryKinds.All));
        }

        var parameters = names.Select((k, i) => ($"$k{i}", (object)k)).Append(("$limit", limit)).ToArray();
        var list = string.Join(", ", names.Select((_, i) => $"$k{i}"));
        return Query($"FROM memories m WHERE m.kind IN ({list}) ORDER BY m.at DESC, m.id DESC LIMIT $limit", parameters);
    }

    private List<MemoryEntry> Query(string fromWhere, params (string Name, object Value)[] parameters)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // the FROM/WHERE clauses are constants of this class; values are parameters
        command.CommandText = $"SELECT {Columns} {fromWhere}";
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var entries = new List<MemoryEntry>();
        while (reader.Read())
        {
            entries.Add(Read(reader));
        }

        return entries;
    }

    private static MemoryEntry Read(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(1)),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetDouble(7));
}
