using System.Runtime.CompilerServices;

namespace Ambient.Gateway.Tests.Voice.WakeWord;

/// <summary>Where the wake-word model's folder (gateway/model/wakeword) is in the checkout these tests were built from.</summary>
internal static class WakeWordFiles
{
    public static string ModelFolder { get; } = Path.Combine(FindRoot(), "gateway", "model", "wakeword");

    public static string Release => Path.Combine(ModelFolder, "release");

    private static string FindRoot([CallerFilePath] string source = "")
    {
        // The source path compiled in (tests/Ambient.Gateway.Tests/Voice/WakeWord/…); with --artifacts-path the
        // binaries live outside the checkout, so walking up from them finds nothing.
        foreach (var start in new[] { Path.GetDirectoryName(source), AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Ambient.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("cannot find the checkout (Ambient.sln) the tests were built from");
    }
}
