using Ambient.Gateway.Storage;

namespace Ambient.Gateway.Memory;

/// <summary>
/// What the household's devices said and heard, one row per interaction, with an FTS5 index over the text
/// (external content: the text is stored once, in <c>memories</c>; the triggers keep the index in step). The
/// default unicode61 tokenizer has no stemmer, so a search matches whole words as written (case-insensitive).
/// <c>at</c> is Unix seconds (UTC). FTS5 is compiled into the e_sqlite3 that Microsoft.Data.Sqlite bundles.
/// </summary>
internal sealed class MemorySchema : ISchema
{
    public int Order => 120;

    public string Ddl => """
        CREATE TABLE IF NOT EXISTS memories (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            at          INTEGER NOT NULL,
            kind        TEXT NOT NULL CHECK (kind IN ('greeting','reminder','plant','wake','button')),
            person      TEXT,
            device      TEXT,
            text        TEXT NOT NULL,
            made_by     TEXT NOT NULL,
            latency_ms  REAL
        );
        CREATE INDEX IF NOT EXISTS memories_at ON memories (at);
        CREATE INDEX IF NOT EXISTS memories_person_at ON memories (person, at);
        CREATE VIRTUAL TABLE IF NOT EXISTS memories_fts USING fts5 (text, content='memories', content_rowid='id');
        CREATE TRIGGER IF NOT EXISTS memories_fts_insert AFTER INSERT ON memories BEGIN
            INSERT INTO memories_fts (rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER IF NOT EXISTS memories_fts_delete AFTER DELETE ON memories BEGIN
            INSERT INTO memories_fts (memories_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        """;
}
