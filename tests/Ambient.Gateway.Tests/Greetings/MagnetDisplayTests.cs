using Ambient.Firmware.Display;
using Ambient.Gateway.Greetings;
using Ambient.Language;
using Ambient.Protocol;

namespace Ambient.Gateway.Tests.Greetings;

public sealed class MagnetDisplayTests
{
    private static readonly DateTimeOffset Morning = new(2026, 12, 1, 7, 40, 0, TimeSpan.FromHours(1));

    [Fact]
    public void A_greetings_first_sentence_is_the_headline_and_the_rest_follows_in_one_section()
    {
        var message = MagnetDisplay.Greeting("Good morning, Ana. 3° and light rain. Dentist at 9:30.");

        Assert.Equal([LayoutHint.Greeting, LayoutHint.Plain], message.Sections.Select(s => s.Hint));
        Assert.Equal(["Good morning, Ana.", "3° and light rain. Dentist at 9:30."], message.Sections.Select(s => s.Text));
        Assert.Equal("Good morning, Ana. | 3° and light rain. Dentist at 9:30.", MagnetDisplay.Flatten(message));
    }

    [Fact]
    public void A_one_sentence_text_is_just_the_headline()
    {
        Assert.Equal("Hi Sam, it is 4:10.", Assert.Single(MagnetDisplay.Greeting("Hi Sam, it is 4:10.").Sections).Text);
    }

    [Fact]
    public void The_templates_fullest_greeting_fits_the_magnets_panel_without_losing_a_word()
    {
        var facts = new Facts(
            Intent.MorningGreeting, "Alexandria", Morning,
            new WeatherFacts(-12, -3, -15, "Heavy snow showers", Sky.Snow, 95, IsStale: true),
            [new EventFacts("Parent-teacher conference", Morning.AddHours(2), false, "Westside Elementary School"),
             new EventFacts("Dentist", Morning.AddHours(5), false, "Main St 4")],
            [new PlantFacts("fiddle-leaf fig", PlantMood.Thirsty, 12, 0), new PlantFacts("monstera", PlantMood.TooDark, 40, 5)],
            [], TargetDevice.Magnet, IndoorCelsius: 19);

        var text = new TemplateGenerator().Generate(facts).Text;
        var layout = new MagnetLayout();
        layout.Arrange(MagnetDisplay.Greeting(text));

        Assert.InRange(text.Length, 1, DeviceLimits.MaxChars(TargetDevice.Magnet));
        Assert.Equal(0, layout.DroppedSections);
        Assert.False(layout.Truncated, text);
    }

    [Fact]
    public void A_notice_is_one_section_with_its_hint_and_a_full_refresh()
    {
        var message = MagnetDisplay.Notice(" The basil is thirsty. ", LayoutHint.PlantAlert);

        Assert.True(message.FullRefresh);
        var section = Assert.Single(message.Sections);
        Assert.Equal((LayoutHint.PlantAlert, "The basil is thirsty."), (section.Hint, section.Text));
    }

    [Theory]
    [InlineData(0, Sky.Clear)]
    [InlineData(3, Sky.Cloudy)]
    [InlineData(61, Sky.Rain)]
    [InlineData(75, Sky.Snow)]
    [InlineData(95, Sky.Thunderstorm)]
    public void The_sky_class_follows_the_wmo_code(int code, Sky sky) => Assert.Equal(sky, FactsBuilder.SkyOf(code));
}
