namespace Ambient.Gateway.Hosting;

/// <summary>Secrets in the data directory (API token, TLS key) are created readable by the gateway's user only.</summary>
public static class PrivateFile
{
    /// <summary>Creates <paramref name="path"/> (and its directory) with mode 0600; fails if it already exists.</summary>
    public static void WriteNew(string path, ReadOnlySpan<byte> content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var file = new FileStream(path, options);
        file.Write(content);
    }
}
