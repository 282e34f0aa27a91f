using Ambient.Gateway.Calendar;
using Ambient.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace Ambient.Gateway.Reminders;

/// <summary>Reminder rows in the gateway database. Every state change is one statement or one transaction.</summary>
public sealed class ReminderStore(Database database)
{
    /// <summary>
    /// A reminder can still be delivered this long after its event started (a zero lead time, a tick that came a
    /// few seconds late); later than that it is missed rather than announced for something already under way.
    /// </summary>
    public static readonly TimeSpan LateGrace = TimeSpan.FromMinutes(1);

    private const string Columns = """
        id, calendar, event_uid, occurrence_ms, summary, location, owner, event_start_ms, due_ms, status,
        snoozed_until_ms, times_sent, last_sent_ms
        """;

    /// <summary>
    /// Plans reminders for the given occurrences (insert new ones as pending; update time and title of those still
    /// pending, e.g. a moved occurrence) and cancels pending ones of <paramref name="loadedCalendars"/> that
    /// disappeared from the window [<paramref name="now"/>, <paramref name="until"/>).
    /// </summary>
    public void Plan(IEnumerable<CalendarOccurrence> occurrences, IReadOnlyCollection<string> loadedCalendars, DateTimeOffset now, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        ArgumentNullException.ThrowIfNull(loadedCalendars);
        var nowMs = now.ToUnixTimeMilliseconds();
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var present = new HashSet<(string, string, long)>();
        foreach (var occurrence in occurrences)
        {
            var key = (occurrence.Calendar, occurrence.Uid, occurrence.OriginalStart.ToUnixTimeMilliseconds());
            present.Add(key);
            using var upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO reminders (calendar, event_uid, occurrence_ms, summary, location, owner, event_start_ms, due_ms, status, updated_ms)
                VALUES ($calendar, $uid, $occurrence, $summary, $location, $owner, $start, $due, 'pending', $now)
                ON CONFLICT (calendar, event_uid, occurrence_ms) DO UPDATE SET
                    summary = excluded.summary, location = excluded.location, owner = excluded.owner,
                    event_start_ms = excluded.event_start_ms, due_ms = excluded.due_ms,
                    status = 'pending', updated_ms = excluded.updated_ms
                WHERE reminders.status IN ('pending', 'cancelled')
                  AND (reminders.status = 'cancelled' OR reminders.due_ms != excluded.due_ms
                       OR reminders.event_start_ms != excluded.event_start_ms OR reminders.summary != excluded.summary
                       OR reminders.location IS NOT excluded.location OR reminders.owner IS NOT excluded.owner);
                """;
            upsert.Parameters.AddWithValue("$calendar", occurrence.Calendar);
            upsert.Parameters.AddWithValue("$uid", occurrence.Uid);
            upsert.Parameters.AddWithValue("$occurrence", key.Item3);
            upsert.Parameters.AddWithValue("$summary", occurrence.Summary);
            upsert.Parameters.AddWithValue("$location", (object?)occurrence.Location ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$owner", (object?)occurrence.Owner ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$start", occurrence.Start.ToUnixTimeMilliseconds());
            upsert.Parameters.AddWithValue("$due", (occurrence.Start - occurrence.LeadTime).ToUnixTimeMilliseconds());
            upsert.Parameters.AddWithValue("$now", nowMs);
            upsert.ExecuteNonQuery();
        }

        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = """
                SELECT id, calendar, event_uid, occurrence_ms FROM reminders
                WHERE status = 'pending' AND event_start_ms >= $now AND event_start_ms < $until
                """;
            select.Parameters.AddWithValue("$now", nowMs);
            select.Parameters.AddWithValue("$until", until.ToUnixTimeMilliseconds());
            var gone = new List<long>();
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    var calendar = reader.GetString(1);
                    if (loadedCalendars.Contains(calendar) && !present.Contains((calendar, reader.GetString(2), reader.GetInt64(3))))
                    {
                        gone.Add(reader.GetInt64(0));
                    }
                }
            }

            foreach (var id in gone)
            {
                SetStatus(connection, transaction, id, ReminderStatus.Cancelled, nowMs);
            }
        }

        transaction.Commit();
    }

    /// <summary>
    /// Marks pending reminders whose event already started as missed (returned), and claims the due ones: pending
    /// with due time reached, snoozed with snooze time reached. Claimed rows are marked sent in the same
    /// transaction, so two ticks or a restart can never deliver one twice.
    /// </summary>
    public (IReadOnlyList<Reminder> Due, IReadOnlyList<Reminder> Missed) Claim(DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var lateMs = (now - LateGrace).ToUnixTimeMilliseconds();
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var missed = Query(connection, transaction, "status = 'pending' AND event_start_ms <= $late", nowMs, ("$late", lateMs));
        foreach (var reminder in missed)
        {
            SetStatus(connection, transaction, reminder.Id, ReminderStatus.Missed, nowMs);
        }

        var due = Query(
            connection,
            transaction,
            "(status = 'pending' AND due_ms <= $now) OR (status = 'snoozed' AND snoozed_until_ms <= $now) ORDER BY due_ms, id",
            nowMs);
        foreach (var reminder in due)
        {
            using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE reminders SET status = 'sent', times_sent = times_sent + 1, last_sent_ms = $now, updated_ms = $now
                WHERE id = $id
                """;
            update.Parameters.AddWithValue("$id", reminder.Id);
            update.Parameters.AddWithValue("$now", nowMs);
            update.ExecuteNonQuery();
        }

        transaction.Commit();
        return (due, missed);
    }

    /// <summary>Puts a claimed reminder back (its delivery failed), so the next tick tries again.</summary>
    public void Unclaim(Reminder reminder, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE reminders SET status = $status, times_sent = times_sent - 1, last_sent_ms = $last, updated_ms = $now
            WHERE id = $id AND status = 'sent'
            """;
        command.Parameters.AddWithValue("$status", ReminderStatusText.ToText(reminder.Status));
        command.Parameters.AddWithValue("$last", (object?)reminder.LastSentAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$id", reminder.Id);
        command.ExecuteNonQuery();
    }

    /// <summary>Acknowledges a reminder that has not been acknowledged yet; false when there is no such reminder or it is finished.</summary>
    public bool Acknowledge(long id, DateTimeOffset now)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE reminders SET status = 'acknowledged', snoozed_until_ms = NULL, updated_ms = $now
            WHERE id = $id AND status IN ('pending', 'sent', 'snoozed')
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>Snoozes a reminder until <paramref name="until"/>; false when there is no such reminder or it is finished.</summary>
    public bool Snooze(long id, DateTimeOffset until, DateTimeOffset now)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE reminders SET status = 'snoozed', snoozed_until_ms = $until, updated_ms = $now
            WHERE id = $id AND status IN ('pending', 'sent', 'snoozed')
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$until", until.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        return command.ExecuteNonQuery() == 1;
    }

    public Reminder? Get(long id)
    {
        using var connection = database.Open();
        return Query(connection, null, "id = $id", 0, ("$id", id)).SingleOrDefault();
    }

    /// <summary>Reminders whose event starts in [from, until), by start.</summary>
    public IReadOnlyList<Reminder> List(DateTimeOffset from, DateTimeOffset until)
    {
        using var connection = database.Open();
        return Query(
            connection,
            null,
            "event_start_ms >= $from AND event_start_ms < $until ORDER BY event_start_ms, id",
            0,
            ("$from", from.ToUnixTimeMilliseconds()),
            ("$until", until.ToUnixTimeMilliseconds()));
    }

    /// <summary>The most recently delivered reminder still open (sent), optionally of one owner: what an earbud button press refers to.</summary>
    public Reminder? LatestSent(string? owner)
    {
        using var connection = database.Open();
        return owner is null
            ? Query(connection, null, "status = 'sent' ORDER BY last_sent_ms DESC, id DESC LIMIT 1", 0).SingleOrDefault()
            : Query(connection, null, "status = 'sent' AND owner = $owner ORDER BY last_sent_ms DESC, id DESC LIMIT 1", 0, ("$owner", owner)).SingleOrDefault();
    }

    private static void SetStatus(SqliteConnection connection, SqliteTransaction transaction, long id, ReminderStatus status, long nowMs)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE reminders SET status = $status, updated_ms = $now WHERE id = $id";
        command.Parameters.AddWithValue("$status", ReminderStatusText.ToText(status));
        command.Parameters.AddWithValue("$now", nowMs);
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
    }

    private static List<Reminder> Query(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        string where,
        long nowMs,
        params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // the WHERE clauses are constants of this class; values are parameters
        command.CommandText = $"SELECT {Columns} FROM reminders WHERE {where}";
#pragma warning restore CA2100
        command.Parameters.AddWithValue("$now", nowMs);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var reminders = new List<Reminder>();
        while (reader.Read())
        {
            reminders.Add(new Reminder(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                FromMs(reader.GetInt64(3)),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                FromMs(reader.GetInt64(7)),
                FromMs(reader.GetInt64(8)),
                ReminderStatusText.Parse(reader.GetString(9)),
                reader.IsDBNull(10) ? null : FromMs(reader.GetInt64(10)),
                reader.GetInt32(11),
                reader.IsDBNull(12) ? null : FromMs(reader.GetInt64(12))));
        }

        return reminders;
    }

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
