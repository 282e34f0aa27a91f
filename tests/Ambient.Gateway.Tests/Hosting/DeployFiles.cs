using System.Runtime.CompilerServices;

namespace Ambient.Gateway.Tests.Hosting;

/// <summary>
/// gateway/Ambient.Gateway/deploy/ in the checkout: found above the test binaries, or, when they were built elsewhere
/// (--artifacts-path), next to this source file as the compiler saw it.
/// </summary>
internal static class DeployFiles
{
    private static readonly string[] Relative = ["gateway", "Ambient.Gateway", "deploy"];

    public static string Unit => Path.Combine(Folder(), "ambient-gateway.service");

    public static string InstallScript => Path.Combine(Folder(), "install.sh");

    private static string Folder([CallerFilePath] string source = "")
    {
        string?[] starts = [AppContext.BaseDirectory, Path.GetDirectoryName(source)];
        foreach (var start in starts.OfType<string>())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine([dir.FullName, .. Relative]);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"No {string.Join('/', Relative)} above {AppContext.BaseDirectory} nor above {source}");
    }
}
