using System.Net;
using System.Text;
using System.Text.Json;
using Ambient.Gateway.Memory;
using Ambient.Gateway.Tests.Memory;
using Ambient.Language;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ambient.Gateway.Tests.Greetings;

public sealed class GreetingsApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = new(2026, 5, 28, 7, 40, 0, TimeSpan.FromHours(2));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 28, 5, 40, 0, TimeSpan.Zero));
    private MemoryGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await MemoryGateway.StartAsync(_time);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Compose_turns_facts_json_into_text_with_how_and_how_fast_it_was_made()
    {
        var facts = new Facts(Intent.MorningGreeting, "Ana", Morning, new WeatherFacts(3, 7, 2, "Light rain", Sky.Rain, 80),
            [new EventFacts("Dentist", Morning.AddHours(2), false, null)], [], [], TargetDevice.Magnet);
        using var http = _gateway.Http();

        using var response = await http.PostAsync(new Uri("/api/greetings/compose", UriKind.Relative), Json(FactsJson.Serialize(facts)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var text = body.RootElement.GetProperty("text").GetString()!;
        Assert.Contains("Ana", text, StringComparison.Ordinal);
        Assert.Contains("Dentist", text, StringComparison.Ordinal);
        Assert.Equal("template", body.RootElement.GetProperty("madeBy").GetString());
        Assert.True(body.RootElement.GetProperty("milliseconds").GetDouble() >= 0);
        Assert.Equal(1, body.RootElement.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task A_bad_field_is_a_400_that_names_it_and_no_token_is_a_401()
    {
        var good = FactsJson.Serialize(new Facts(Intent.MorningGreeting, "Ana", Morning, new WeatherFacts(3, 7, 2, "Light rain", Sky.Rain, 80), [], [], [], TargetDevice.Magnet));
        var bad = good.Replace("\"nowCelsius\":3", "\"nowCelsius\":\"warm\"", StringComparison.Ordinal);
        Assert.NotEqual(good, bad);
        using var http = _gateway.Http();
        using var anonymous = _gateway.Http(withToken: false);

        using var response = await http.PostAsync(new Uri("/api/greetings/compose", UriKind.Relative), Json(bad));
        using var notJson = await http.PostAsync(new Uri("/api/greetings/compose", UriKind.Relative), Json("{\"intent\":"));
        using var unauthorized = await anonymous.PostAsync(new Uri("/api/greetings/compose", UriKind.Relative), Json(good));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(body.RootElement.GetProperty("errors").EnumerateObject(), e => e.Name.Contains("nowCelsius", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    [Fact]
    public async Task The_list_shows_the_latest_texts_with_how_they_were_made_and_how_long_it_took()
    {
        var store = _gateway.Services.GetRequiredService<MemoryStore>();
        store.Add(_time.GetUtcNow(), MemoryKinds.Greeting, "Ana", "fridge-magnet", "Good morning, Ana.", "template", 8.5);
        store.Add(_time.GetUtcNow().AddMinutes(1), MemoryKinds.Wake, null, "earbud", "woke to listen", "device");
        store.Add(_time.GetUtcNow().AddMinutes(2), MemoryKinds.Plant, "Ana", "kitchen-basil", "The basil is thirsty.", "model", 140.2);
        using var http = _gateway.Http();

        using var body = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/greetings", UriKind.Relative)));

        var rows = body.RootElement.EnumerateArray().ToList();
        Assert.Equal(["The basil is thirsty.", "Good morning, Ana."], rows.Select(r => r.GetProperty("text").GetString()));
        Assert.Equal(("model", 140.2), (rows[0].GetProperty("madeBy").GetString(), rows[0].GetProperty("milliseconds").GetDouble()));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
