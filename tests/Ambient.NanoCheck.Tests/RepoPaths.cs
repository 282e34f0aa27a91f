namespace Ambient.NanoCheck.Tests;

internal static class RepoPaths
{
    /// <summary>The checkout the tests were built from: the nearest folder above the test binaries with Ambient.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ambient.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Ambient.sln not found above " + AppContext.BaseDirectory);
    }
}
