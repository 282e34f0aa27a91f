using System.Reflection;

namespace Ambient.Hardware.Tests;

/// <summary>
/// The repository checkout the tests run in: the nearest folder above the test binaries holding Ambient.sln, or, when
/// the binaries were built outside the checkout (--artifacts-path), the checkout recorded at build time.
/// </summary>
internal static class RepoRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Ambient.sln")))
            {
                return dir.FullName;
            }
        }

        var recorded = typeof(RepoRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (recorded is not null && File.Exists(System.IO.Path.Combine(recorded, "Ambient.sln")))
        {
            return recorded;
        }

        throw new InvalidOperationException($"No Ambient.sln above {AppContext.BaseDirectory} nor at the build's checkout '{recorded}'");
    }
}
