using System.ComponentModel.DataAnnotations;

namespace Ambient.Gateway.Storage;

/// <summary>Where the gateway keeps its SQLite database ("Storage" section).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Path of the SQLite file; relative paths are resolved against the data directory.</summary>
    [Required(ErrorMessage = "Storage:DatabasePath is required")]
    public string DatabasePath { get; set; } = "ambient.db";
}
