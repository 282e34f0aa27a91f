using Microsoft.Playwright;

namespace Ambient.Dashboard.Tests.Support;

/// <summary>
/// Debian's chromium (test.sh installs it) driven by Playwright, headless; no sandbox because CI runs as root, where
/// chromium refuses to start sandboxed. Playwright's own browser download is not used.
/// </summary>
public static class Browser
{
    public const string Executable = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        return (playwright, browser);
    }

    /// <summary>Where screenshots go: TestResults/screenshots in the test project (ignored by git, kept by CI).</summary>
    public static string ScreenshotDirectory()
    {
        var project = typeof(Browser).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value ?? AppContext.BaseDirectory;
        var path = Path.Combine(project, "TestResults", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }
}
