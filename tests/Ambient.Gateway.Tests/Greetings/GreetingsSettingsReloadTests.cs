using Ambient.Gateway.Greetings;
using Ambient.Gateway.Settings;
using Ambient.Gateway.Tests.Voice;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ambient.Gateway.Tests.Greetings;

/// <summary>
/// A person or persona saved on the Settings page (SettingsService: SQLite, then a configuration reload) is used by
/// the next greeting without a restart.
/// </summary>
public sealed class GreetingsSettingsReloadTests
{
    [Fact]
    public async Task A_saved_person_and_persona_change_the_next_greetings_facts()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 28, 5, 20, 0, TimeSpan.Zero));
        await using var gateway = await VoiceGateway.StartAsync(time);
        var greetings = gateway.Services.GetRequiredService<GreetingService>();
        var before = greetings.GatherFacts();
        Assert.Equal("Ana", before.Person);
        Assert.Equal("warm", before.Persona);

        var settings = gateway.Services.GetRequiredService<SettingsService>();
        var errors = await settings.SaveAsync(settings.Current().Current with { Person = "Ben", Persona = "brief" });

        Assert.Empty(errors);
        var after = greetings.GatherFacts();
        Assert.Equal("Ben", after.Person);
        Assert.Equal("brief", after.Persona, ignoreCase: true);
    }
}
