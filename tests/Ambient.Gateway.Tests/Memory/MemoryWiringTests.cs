using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ambient.Gateway.Greetings;
using Ambient.Gateway.Memory;
using Ambient.Gateway.Plants;
using Ambient.Gateway.Reminders;
using Ambient.Gateway.Tests.Support;
using Ambient.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;

namespace Ambient.Gateway.Tests.Memory;

public sealed class MemoryWiringTests : IAsyncLifetime
{
    // 07:40 in Berlin: a morning greeting.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 28, 5, 40, 0, TimeSpan.Zero));
    private MemoryGateway _gateway = null!;

    private MemoryStore Store => _gateway.Services.GetRequiredService<MemoryStore>();

    public async Task InitializeAsync() => _gateway = await MemoryGateway.StartAsync(_time);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task A_greeting_the_magnet_asked_for_is_remembered_and_the_next_days_opens_differently()
    {
        var magnet = await _gateway.ConnectAsync("fridge-magnet", "fridge-magnet");

        await SendEventAsync(magnet, "fridge-magnet", EventKind.GreetingRequest, sequence: 1);
        await Eventually.TrueAsync(() => Store.Search(null, 10).Count == 1, "the first greeting is remembered");
        _time.Advance(TimeSpan.FromDays(1));
        await SendEventAsync(magnet, "fridge-magnet", EventKind.GreetingRequest, sequence: 2);
        await Eventually.TrueAsync(() => Store.Search(null, 10).Count == 2, "the second greeting is remembered");

        var greetings = Store.Recent("Ana", _time.GetUtcNow().AddDays(-7), 10, MemoryKinds.Greeting);
        Assert.Equal(2, greetings.Count);
        Assert.StartsWith("Morning, Ana.", greetings[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Good morning, Ana.", greetings[1].Text, StringComparison.Ordinal);
        Assert.All(greetings, g =>
        {
            Assert.Equal("fridge-magnet", g.Device);
            Assert.StartsWith("template", g.MadeBy, StringComparison.Ordinal); // the second morning's was prepared ahead
            Assert.True(g.LatencyMs >= 0);
        });
        Assert.Equal(_time.GetUtcNow(), greetings[0].At);
    }

    [Fact]
    public async Task Earbud_wakes_and_button_presses_and_plant_changes_are_remembered_but_a_planters_wake_is_not()
    {
        var earbud = await _gateway.ConnectAsync("earbud-ana", "earbud");
        var planter = await _gateway.ConnectAsync("kitchen-basil", "planter");

        await SendEventAsync(earbud, "earbud-ana", EventKind.Wake, sequence: 1, reference: 7);
        await SendEventAsync(planter, "kitchen-basil", EventKind.Wake, sequence: 1);
        await SendEventAsync(earbud, "earbud-ana", EventKind.Button, sequence: 2, code: (byte)ButtonAction.Acknowledge, reference: 12);
        await _gateway.Services.GetRequiredService<PlantMonitor>()
            .OnReadingsAsync("kitchen-basil", [(_time.GetUtcNow(), SensorKind.SoilMoisturePermille, 300)]);
        await Eventually.TrueAsync(() => Store.Search(null, 10).Count == 3, "three interactions are remembered");

        var all = Store.Search(null, 10);
        Assert.Equal([MemoryKinds.Plant, MemoryKinds.Button, MemoryKinds.Wake], all.Select(m => m.Kind));
        // The plant report written for the magnets (Intent.PlantReport): about the pot, made by the template.
        Assert.Equal(("kitchen-basil", "Ana", "template"), (all[0].Device, all[0].Person, all[0].MadeBy));
        Assert.Contains("Basil", all[0].Text, StringComparison.Ordinal);
        Assert.NotNull(all[0].LatencyMs);
        Assert.Equal(("earbud-ana", "acknowledged reminder 12", "device"), (all[1].Device, all[1].Text, all[1].MadeBy));
        Assert.Equal(("earbud-ana", "woke to listen (audio stream 7)"), (all[2].Device, all[2].Text));
        Assert.DoesNotContain(all, m => m.Kind == MemoryKinds.Wake && m.Device == "kitchen-basil");
    }

    [Fact]
    public async Task A_delivered_reminder_is_remembered_as_its_owners()
    {
        var start = _time.GetUtcNow().AddMinutes(20);
        var reminder = new Reminder(4, "household", "vitamins", start, "Take vitamins", null, "anna", start, start.AddMinutes(-10),
            ReminderStatus.Sent, null, 1, _time.GetUtcNow());

        await _gateway.Services.GetRequiredService<MagnetNotices>().OnReminderAsync(new ReminderDue(reminder, false, start - _time.GetUtcNow()));

        // The reminder text written for the magnets (Intent.Reminder), with its time from the facts.
        var remembered = Assert.Single(Store.Search("vitamins", 10));
        Assert.Equal((MemoryKinds.Reminder, "anna", "template"), (remembered.Kind, remembered.Person, remembered.MadeBy));
        Assert.Contains("8:00", remembered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_memory_api_needs_the_token_and_returns_matches_newest_first()
    {
        Store.Add(_time.GetUtcNow(), MemoryKinds.Greeting, "Ana", "fridge-magnet", "Good morning, Ana. | light rain", "template", 8.5);
        _time.Advance(TimeSpan.FromMinutes(5));
        Store.Add(_time.GetUtcNow(), MemoryKinds.Plant, null, "kitchen-basil", "Basil: ok → thirsty", "template");
        _time.Advance(TimeSpan.FromMinutes(5));
        Store.Add(_time.GetUtcNow(), MemoryKinds.Greeting, "Ana", "fridge-magnet", "Morning, Ana. | light rain", "template", 7.5);
        using var anonymous = _gateway.Http(withToken: false);
        using var http = _gateway.Http();

        var refused = await anonymous.GetAsync(new Uri("/api/memory?q=rain", UriKind.Relative));
        var found = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/memory?q=rain", UriKind.Relative));
        var latest = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/memory?limit=2", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(["Morning, Ana. | light rain", "Good morning, Ana. | light rain"], found.EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        var newest = found[0];
        Assert.Equal("greeting", newest.GetProperty("kind").GetString());
        Assert.Equal("Ana", newest.GetProperty("person").GetString());
        Assert.Equal("fridge-magnet", newest.GetProperty("device").GetString());
        Assert.Equal("template", newest.GetProperty("madeBy").GetString());
        Assert.Equal(7.5, newest.GetProperty("latencyMs").GetDouble());
        Assert.Equal(_time.GetUtcNow(), newest.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(["greeting", "plant"], latest.EnumerateArray().Select(m => m.GetProperty("kind").GetString()));
    }

    [Theory]
    [InlineData("/api/memory?q=%22", HttpStatusCode.OK)]
    [InlineData("/api/memory?q=NEAR(light%20-rain*", HttpStatusCode.OK)]
    [InlineData("/api/memory?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/memory?limit=201", HttpStatusCode.BadRequest)]
    [InlineData("/api/memory?limit=ten", HttpStatusCode.BadRequest)]
    public async Task Any_query_text_is_answered_and_a_bad_limit_is_a_problem_naming_it(string path, HttpStatusCode expected)
    {
        Store.Add(_time.GetUtcNow(), MemoryKinds.Greeting, "Ana", "fridge-magnet", "Good morning, Ana. | light rain", "template", 8.5);
        using var http = _gateway.Http();

        var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.True(body.RootElement.GetProperty("errors").TryGetProperty("limit", out _), "errors should name 'limit'");
        }
        else
        {
            Assert.Equal(JsonValueKind.Array, body.RootElement.ValueKind);
        }
    }

    private async Task SendEventAsync(IMqttClient device, string id, EventKind kind, uint sequence, byte code = 0, uint reference = 0)
    {
        var frame = FrameEncoder.Encode(new EventMessage
        {
            BootId = 1,
            Sequence = sequence,
            Timestamp = (uint)_time.GetUtcNow().ToUnixTimeSeconds(),
            Kind = kind,
            Code = code,
            Reference = reference,
        });
        var result = await device.PublishQos1Async(Topics.For(id, Channel.Event), frame);
        Assert.True(result.IsSuccess, $"the {kind} event from {id} is acknowledged");
    }
}
