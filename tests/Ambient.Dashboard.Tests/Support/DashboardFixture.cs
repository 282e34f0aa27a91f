using Microsoft.Playwright;

namespace Ambient.Dashboard.Tests.Support;

/// <summary>One gateway with its simulated household and one browser, shared by the tests of a class.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public DashboardGateway Gateway { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Gateway = await DashboardGateway.StartAsync();
        (_playwright, Browser) = await Support.Browser.LaunchAsync();
    }

    /// <summary>A phone-sized page (the dashboard must work there), already signed in unless asked otherwise.</summary>
    public async Task<IPage> NewPageAsync(bool signedIn = true, int width = 412, int height = 915)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Gateway.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        if (signedIn)
        {
            await page.GetByLabel("API token").FillAsync(Gateway.Token);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.Locator("main[data-page=household]").WaitForAsync();
        }

        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Support.Browser.ScreenshotDirectory(), name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }
    }
}
