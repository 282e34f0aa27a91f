using Ambient.Gateway.Storage;

namespace Ambient.Gateway.Reminders;

/// <summary>
/// One row per (calendar, event uid, occurrence start): the unique key is what makes a restart neither drop nor
/// repeat a reminder. Times are Unix milliseconds (UTC).
/// </summary>
internal sealed class RemindersSchema : ISchema
{
    public int Order => 110;

    public string Ddl => """
        CREATE TABLE IF NOT EXISTS reminders (
            id                  INTEGER PRIMARY KEY AUTOINCREMENT,
            calendar            TEXT NOT NULL,
            event_uid           TEXT NOT NULL,
            occurrence_ms       INTEGER NOT NULL,
            summary             TEXT NOT NULL,
            location            TEXT,
            owner               TEXT,
            event_start_ms      INTEGER NOT NULL,
            due_ms              INTEGER NOT NULL,
            status              TEXT NOT NULL CHECK (status IN ('pending','sent','acknowledged','snoozed','missed','cancelled')),
            snoozed_until_ms    INTEGER,
            times_sent          INTEGER NOT NULL DEFAULT 0,
            last_sent_ms        INTEGER,
            updated_ms          INTEGER NOT NULL,
            UNIQUE (calendar, event_uid, occurrence_ms)
        );
        CREATE INDEX IF NOT EXISTS reminders_due ON reminders (status, due_ms);
        CREATE INDEX IF NOT EXISTS reminders_start ON reminders (event_start_ms);
        """;
}
