using Microsoft.Extensions.Hosting.Systemd;

namespace Ambient.Gateway.Hosting;

/// <summary>
/// Where the gateway keeps its state (SQLite file, API token, TLS certificate). The "DataDirectory" key wins;
/// otherwise a systemd service follows the Linux convention (/var/lib/ambient, systemd's StateDirectory=ambient)
/// and anything started by hand (the demo, a developer) uses ./.ambient/ next to where it was started.
/// </summary>
public static class DataDirectory
{
    public const string Key = "DataDirectory";
    public const string ServiceDefault = "/var/lib/ambient";
    public const string LocalDefault = ".ambient";

    public static string Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[Key];
        var path = !string.IsNullOrWhiteSpace(configured) ? configured
            : SystemdHelpers.IsSystemdService() ? ServiceDefault
            : LocalDefault;
        return Path.GetFullPath(path);
    }

    /// <summary>A file in the data directory, or <paramref name="path"/> itself when it is absolute.</summary>
    public static string Combine(IConfiguration configuration, string path) =>
        Path.IsPathRooted(path) ? path : Path.Combine(Resolve(configuration), path);
}
