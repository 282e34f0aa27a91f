namespace Ambient.Gateway.Storage;

/// <summary>
/// A capability's tables. Each folder registers one; <see cref="Database"/> applies them all at start-up in
/// <see cref="Order"/>, so capabilities own their tables without a central schema file.
/// </summary>
public interface ISchema
{
    /// <summary>Lower runs first (use it when a table references another capability's table).</summary>
    int Order { get; }

    /// <summary>Idempotent DDL (CREATE TABLE IF NOT EXISTS …).</summary>
    string Ddl { get; }
}
