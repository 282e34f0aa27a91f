using System.Net;
using System.Text.RegularExpressions;
using Ambient.Dashboard.Tests.Support;
using Ambient.Protocol;
using Microsoft.Playwright;
using MQTTnet;
using MQTTnet.Protocol;

namespace Ambient.Dashboard.Tests;

/// <summary>
/// The dashboard as a person uses it: a real chromium against a real gateway whose simulated household (the real
/// firmware apps over MQTT) keeps reporting while the pages are open.
/// </summary>
public sealed partial class DashboardPageTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Without_the_token_the_api_answers_401_and_the_page_asks_for_it()
    {
        using var anonymous = fixture.Gateway.Http();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/dashboard/household", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/settings", UriKind.Relative))).StatusCode);
        using var wrong = fixture.Gateway.Http("not-the-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(new Uri("/api/dashboard/events", UriKind.Relative))).StatusCode);

        var page = await fixture.NewPageAsync(signedIn: false);
        await Assertions.Expect(page.Locator("#token-file")).ToContainTextAsync(Path.Combine(fixture.Gateway.DataDirectory, "api-token"));
        await FixtureScreenshotAsync(page, "sign-in");
        await page.GetByLabel("API token").FillAsync("wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("not right");
    }

    [Fact]
    public async Task Signed_in_the_household_shows_devices_and_a_new_device_appears_live()
    {
        var page = await fixture.NewPageAsync();
        // The simulated household's devices connect by themselves.
        foreach (var id in new[] { "kitchen-basil", "living-monstera", "office-pothos", "fridge-magnet", "earbud" })
        {
            await Assertions.Expect(page.Locator($"#devices tr[data-device='{id}']")).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        }

        await Assertions.Expect(page.Locator("#devices tr[data-device='earbud'] .badge")).ToHaveTextAsync("online", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(page.Locator("#plants .plant-card")).ToHaveCountAsync(3);

        // A device provisioned and connected while the page is open shows up without a reload.
        var secret = fixture.Gateway.Provision("porch-fern", "planter");
        using var device = await ConnectAsync("porch-fern", secret);
        await device.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(Topics.For("porch-fern", Channel.Hello))
            .WithPayload(Hello(DeviceKind.Planter)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var row = page.Locator("#devices tr[data-device='porch-fern']");
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("online");
        await Assertions.Expect(row).ToContainTextAsync("1.2.3");
        await FixtureScreenshotAsync(page, "household");

        await page.SetViewportSizeAsync(1280, 900);
        await FixtureScreenshotAsync(page, "household-desktop");
    }

    [Fact]
    public async Task A_plant_page_charts_the_planters_readings_over_each_range()
    {
        var page = await fixture.NewPageAsync();
        await page.Locator("#plants .plant-card[data-device='kitchen-basil']").ClickAsync();
        var summary = page.Locator("#chart-summary");
        // The household uploads every 2 simulated hours (12 s at 600×); the page updates itself when data arrives.
        await Assertions.Expect(summary).ToHaveAttributeAsync("data-points", NonZero(), new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(page.Locator("#chart-moisture canvas")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#chart-light canvas")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#chart-temperature canvas")).ToBeVisibleAsync();
        await FixtureScreenshotAsync(page, "plant");

        await page.GetByRole(AriaRole.Link, new() { Name = "30d" }).ClickAsync();
        await Assertions.Expect(summary).ToContainTextAsync("hourly means");
        await Assertions.Expect(summary).ToHaveAttributeAsync("data-points", NonZero());
    }

    [Fact]
    public async Task Provisioning_shows_credentials_once_that_connect_and_revoking_locks_the_device_out()
    {
        var page = await fixture.NewPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Devices" }).ClickAsync();
        await page.GetByLabel("Device id").FillAsync("Bad Id");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add device" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-for=id]")).ToContainTextAsync("not a valid device id");

        await page.GetByLabel("Device id").FillAsync("hall-fern");
        await page.GetByLabel("Kind").SelectOptionAsync("planter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add device" }).ClickAsync();
        await Assertions.Expect(page.Locator("#cred-qr svg")).ToBeVisibleAsync();
        var secret = (await page.Locator("#cred-secret").InnerTextAsync()).Trim();
        var broker = (await page.Locator("#cred-broker").InnerTextAsync()).Trim();
        await FixtureScreenshotAsync(page, "devices-provisioned");

        var port = int.Parse(broker.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(fixture.Gateway.BrokerPort, port);
        using (var device = await ConnectAsync("hall-fern", secret))
        {
            Assert.True(device.IsConnected);
        }

        // Shown once: the page after a reload has no secret anywhere.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#device-list tr[data-device='hall-fern']")).ToBeVisibleAsync();
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);

        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.Locator("[data-revoke='hall-fern']").ClickAsync();
        await Assertions.Expect(page.Locator("#device-list tr[data-device='hall-fern']")).ToHaveCountAsync(0);
        var refused = await MqttConnectResultAsync("hall-fern", secret);
        Assert.NotEqual(MqttClientConnectResultCode.Success, refused);
    }

    [Fact]
    public async Task Settings_are_validated_by_field_and_take_effect_without_a_restart()
    {
        var page = await fixture.NewPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await page.GetByLabel("Latitude").FillAsync("123");
        await page.GetByLabel("Morning window start").FillAsync("7.15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-for=latitude]")).ToContainTextAsync("Latitude must be a number from -90 to 90");
        await Assertions.Expect(page.Locator("[data-error-for=morningStart]")).ToContainTextAsync("Morning window start must be a time of day");
        await FixtureScreenshotAsync(page, "settings-errors");

        await page.GetByLabel("Latitude").FillAsync("48.137");
        await page.GetByLabel("Longitude").FillAsync("11.576");
        await page.GetByLabel("Morning window start").FillAsync("07:15");
        await page.GetByLabel("Morning window end").FillAsync("10:00");
        await page.GetByLabel("Quiet hours start").FillAsync("22:00");
        await page.GetByLabel("Quiet hours end").FillAsync("07:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a calendar" }).ClickAsync();
        await page.Locator(".calendar-row [data-cal=name]").FillAsync("school");
        await page.Locator(".calendar-row [data-cal=source]").FillAsync("ftp://example.invalid/school.ics");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-for='calendars[0].source']")).ToContainTextAsync("Calendar 1: only http:// and https://");

        await page.Locator(".calendar-row [data-cal=source]").FillAsync(Path.Combine(AppContext.BaseDirectory, "Calendar", "sample.ics"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#saved")).ToContainTextAsync("Saved");
        await FixtureScreenshotAsync(page, "settings");

        // The weather is fetched again, for the new place, at once.
        await Eventually(() => fixture.Gateway.Weather.Requests.Any(r => Math.Abs(r.Latitude - 48.137) < 1e-6 && Math.Abs(r.Longitude - 11.576) < 1e-6), "a forecast request for 48.137, 11.576");
        await page.GetByRole(AriaRole.Link, new() { Name = "Household" }).ClickAsync();
        await Assertions.Expect(page.Locator("#weather")).ToContainTextAsync("48.14, 11.58");

        // A calendar added here is loaded without a restart.
        await page.GetByRole(AriaRole.Link, new() { Name = "Calendar" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("school: loaded");

        // A magnet gets the new morning window on its next hello.
        var secret = fixture.Gateway.Provision("hall-magnet", "fridge-magnet");
        using var magnet = await ConnectAsync("hall-magnet", secret);
        var config = new TaskCompletionSource<ConfigMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        magnet.ApplicationMessageReceivedAsync += e =>
        {
            if (e.ApplicationMessage.Topic == Topics.For("hall-magnet", Channel.Config)
                && FrameDecoder.Decode(System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload)).Message is ConfigMessage message)
            {
                config.TrySetResult(message);
            }

            return Task.CompletedTask;
        };
        await magnet.SubscribeAsync(Topics.DownFilter("hall-magnet"), MqttQualityOfServiceLevel.AtLeastOnce);
        await magnet.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(Topics.For("hall-magnet", Channel.Hello))
            .WithPayload(Hello(DeviceKind.FridgeMagnet)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var received = await config.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains(received.Entries, e => e.Key == ConfigKey.MorningWindowStartMinute && e.Value == (7 * 60) + 15);
        Assert.Contains(received.Entries, e => e.Key == ConfigKey.MorningWindowEndMinute && e.Value == 10 * 60);
    }

    [Fact]
    public async Task The_feed_and_calendar_pages_show_what_the_household_did()
    {
        var page = await fixture.NewPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Feed" }).ClickAsync();
        // Plant reports, reminders and greetings are remembered as the accelerated morning goes by.
        await Assertions.Expect(page.Locator("#feed-list li[data-kind]").First).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(page.Locator("#feed-list li[data-kind]").First).ToContainTextAsync(TemplateOrModel());
        await FixtureScreenshotAsync(page, "feed");
        await page.GetByLabel("Search what was said").FillAsync("zzzz-nothing-like-this");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#feed-list")).ToContainTextAsync("Nothing yet.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Calendar" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("family: loaded");
        await Assertions.Expect(page.Locator("#upcoming tbody tr").First).ToBeVisibleAsync();
        await FixtureScreenshotAsync(page, "calendar");
    }

    private static Task FixtureScreenshotAsync(IPage page, string name) => DashboardFixture.ScreenshotAsync(page, name);

    private async Task<IMqttClient> ConnectAsync(string id, string secret)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", fixture.Gateway.BrokerPort)
            .WithClientId(id).WithCredentials(id, secret).WithTimeout(TimeSpan.FromSeconds(10)).Build());
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    private async Task<MqttClientConnectResultCode> MqttConnectResultAsync(string id, string secret)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", fixture.Gateway.BrokerPort)
            .WithClientId(id).WithCredentials(id, secret).WithTimeout(TimeSpan.FromSeconds(10)).Build());
        return result.ResultCode;
    }

    private static byte[] Hello(DeviceKind kind) => FrameEncoder.Encode(new HelloMessage
    {
        Flags = FrameFlags.TimeUnsynced,
        BootId = 1,
        Sequence = 0,
        Timestamp = 5,
        Kind = kind,
        FirmwareMajor = 1,
        FirmwareMinor = 2,
        FirmwarePatch = 3,
        Capabilities = Capabilities.SoilMoisture | Capabilities.Temperature,
        UptimeSeconds = 5,
        ResetReason = ResetReason.PowerOn,
    });

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for " + what);
            await Task.Delay(50);
        }
    }

    [GeneratedRegex("^[1-9][0-9]*$")]
    private static partial Regex NonZero();

    [GeneratedRegex("template|model|device")]
    private static partial Regex TemplateOrModel();
}
