using CsCheck;

// Not "…Tests.Facts": a namespace named Facts would hide the Facts record in every test file.
namespace Ambient.Language.Tests.FactsTests;

public class FactSheetTests
{
    [Fact]
    public void Prompt_is_categories_in_a_fixed_order()
    {
        var sheet = FactSheets.From(TestFacts.Greeting(target: TargetDevice.Magnet, weather: TestFacts.Rainy, events: [TestFacts.Dentist()],
            plants: [new("Fern", PlantMood.Ok, 50, 4), new("Basil", PlantMood.Thirsty, 12, null)]));

        Assert.Equal(
            "<intent:morning> <dev:magnet> <pod:morning> <persona:warm> <sky:rain> <temp:cold> <rain:likely> <events:1> <plants:2> " +
            "<plant:1> <mood:thirsty> <plant:2> <mood:ok> <reminders:0> <has:name> <has:temp_now> <has:temp_high> <has:temp_low> <has:condition> " +
            "<has:rain_chance> <has:event1_title> <has:event1_time> <has:plant1_name> <has:plant1_moisture> <has:plant2_name> " +
            "<has:plant2_moisture> <has:plant2_days>",
            sheet.Prompt);
    }

    [Fact]
    public void Slot_values_are_formatted_invariantly()
    {
        var sheet = FactSheets.From(TestFacts.Greeting(weather: new(-7, 3, -12, "Heavy SNOW", Sky.Snow, 40), events: [TestFacts.Dentist(17, 5, "Room 4")],
            plants: [new("Fern", PlantMood.Ok, 40, 1)]) with { IndoorCelsius = 21 });

        Assert.Equal("-7°", sheet.SlotValues[SlotNames.TempNow]);
        Assert.Equal("3°", sheet.SlotValues[SlotNames.TempHigh]);
        Assert.Equal("heavy snow", sheet.SlotValues[SlotNames.Condition]);
        Assert.Equal("40%", sheet.SlotValues[SlotNames.RainChance]);
        Assert.Equal("21°", sheet.SlotValues[SlotNames.IndoorTemp]);
        Assert.Equal("17:05", sheet.SlotValues[SlotNames.EventTime(1)]);
        Assert.Equal("Room 4", sheet.SlotValues[SlotNames.EventLocation(1)]);
        Assert.Equal("40%", sheet.SlotValues[SlotNames.PlantMoisture(1)]);
        Assert.Equal("1 day", sheet.SlotValues[SlotNames.PlantDays(1)]);
    }

    [Fact]
    public void Twelve_hour_clock_is_an_option()
    {
        var facts = TestFacts.Greeting(events: [TestFacts.Dentist(17, 5), TestFacts.Dentist(9, 30)]);
        var sheet = FactSheets.From(facts, new FactSheetOptions { Use24HourClock = false });
        Assert.Equal("5:05 pm", sheet.SlotValues[SlotNames.EventTime(1)]);
        Assert.Equal("9:30 am", sheet.SlotValues[SlotNames.EventTime(2)]);
        Assert.Equal("9:30", FactSheets.From(facts).SlotValues[SlotNames.EventTime(2)]);
    }

    [Fact]
    public void Event_times_are_said_in_the_households_offset()
    {
        var utc = new EventFacts("Call", new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), false, null);
        Assert.Equal("9:00", FactSheets.From(TestFacts.Greeting(events: [utc])).SlotValues[SlotNames.EventTime(1)]);
    }

    [Fact]
    public void Morning_requires_name_weather_now_and_first_event()
    {
        var sheet = FactSheets.From(TestFacts.Greeting(weather: TestFacts.Rainy, events: [TestFacts.Dentist(), TestFacts.Dentist(11)]));
        Assert.Equal([SlotNames.Name, SlotNames.TempNow, SlotNames.EventTitle(1), SlotNames.EventTime(1)], sheet.RequiredSlots);
        Assert.Equal([SlotNames.Name], FactSheets.From(TestFacts.Greeting()).RequiredSlots);
    }

    [Fact]
    public void All_day_events_have_no_time_and_later_days_have_a_weekday()
    {
        var friday = new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.FromHours(1));
        var sheet = FactSheets.From(TestFacts.Greeting(intent: Intent.WhatsNext, events: [new("Holiday", friday, true, null)]));
        Assert.False(sheet.Has(SlotNames.EventTime(1)));
        Assert.Equal("Friday", sheet.SlotValues[SlotNames.EventDay(1)]);
        Assert.Equal([SlotNames.EventTitle(1), SlotNames.EventDay(1)], sheet.RequiredSlots);
        Assert.Contains("<event1:allday>", sheet.PromptTokens);
        Assert.Contains("<event1:later>", sheet.PromptTokens);

        var tomorrow = FactSheets.From(TestFacts.Greeting(events: [TestFacts.Dentist() with { Start = TestFacts.Morning.AddDays(1) }]));
        Assert.Contains("<event1:tomorrow>", tomorrow.PromptTokens);
        Assert.False(tomorrow.Has(SlotNames.EventDay(1)));
    }

    [Fact]
    public void Reminder_requires_title_and_time_and_plant_report_puts_needy_plants_first()
    {
        var reminder = FactSheets.From(TestFacts.Greeting(intent: Intent.Reminder, reminders: [new("Bins", TestFacts.Morning.AddMinutes(20), null)]));
        Assert.Equal([SlotNames.ReminderTitle, SlotNames.ReminderTime], reminder.RequiredSlots);
        Assert.Equal("7:35", reminder.SlotValues[SlotNames.ReminderTime]);

        var plants = FactSheets.From(TestFacts.Greeting(intent: Intent.PlantReport,
            plants: [new("Fern", PlantMood.Ok, null, null), new("Basil", PlantMood.Thirsty, null, null), new("Ivy", PlantMood.Ok, null, null), new("Aloe", PlantMood.TooDark, null, null)]));
        Assert.Equal("Basil", plants.SlotValues[SlotNames.PlantName(1)]);
        Assert.Equal("Aloe", plants.SlotValues[SlotNames.PlantName(2)]);
        Assert.Equal("Fern", plants.SlotValues[SlotNames.PlantName(3)]);
        Assert.Equal([SlotNames.PlantName(1), SlotNames.PlantName(2)], plants.RequiredSlots);
        Assert.Equal([PlantMood.Thirsty, PlantMood.TooDark, PlantMood.Ok], plants.PlantMoods);
        Assert.Contains("<plants:3>", plants.PromptTokens);
    }

    [Fact]
    public void Whats_next_without_events_requires_the_name()
    {
        Assert.Equal([SlotNames.Name], FactSheets.From(TestFacts.Greeting(intent: Intent.WhatsNext)).RequiredSlots);
        Assert.Equal([SlotNames.EventTitle(1), SlotNames.EventTime(1)], FactSheets.From(TestFacts.Greeting(intent: Intent.WhatsNext, events: [TestFacts.Dentist()])).RequiredSlots);
    }

    [Theory]
    [InlineData(TargetDevice.Magnet, 120)]
    [InlineData(TargetDevice.Earbud, 140)]
    [InlineData(TargetDevice.Dashboard, 280)]
    public void Max_chars_per_device(TargetDevice device, int max) =>
        Assert.Equal(max, FactSheets.From(TestFacts.Greeting(target: device)).MaxChars);

    [Fact]
    public void Long_values_are_cut_at_a_word_with_an_ellipsis_and_blank_ones_are_absent()
    {
        var sheet = FactSheets.From(TestFacts.Extreme(Intent.MorningGreeting, TargetDevice.Magnet) with { Person = "  " });
        Assert.False(sheet.Has(SlotNames.Name));
        var title = sheet.SlotValues[SlotNames.EventTitle(1)];
        Assert.EndsWith("…", title, StringComparison.Ordinal);
        Assert.True(title.Length <= 24, title);
        Assert.StartsWith("Quarterly planning", title, StringComparison.Ordinal);
        Assert.False(FactSheets.From(TestFacts.Greeting(events: [TestFacts.Dentist(location: "")])).Has(SlotNames.EventLocation(1)));
    }

    [Theory]
    [InlineData("unknown weather", Sky.Unknown, null)]
    [InlineData("Unknown", Sky.Unknown, null)]
    [InlineData("Mixed", Sky.Unknown, "mixed")]
    [InlineData("Unknown", Sky.Cloudy, "unknown")]
    public void A_condition_that_says_nothing_is_left_out(string condition, Sky sky, string? expected)
    {
        var sheet = FactSheets.From(TestFacts.Greeting(weather: new(9, 12, 4, condition, sky, 10)));
        Assert.Equal(expected, sheet.SlotValues.GetValueOrDefault(SlotNames.Condition));
        Assert.True(sheet.Has(SlotNames.TempNow));
    }

    [Fact]
    public void Unknown_persona_reads_as_warm() =>
        Assert.Equal(Persona.Warm, FactSheets.From(TestFacts.Greeting(persona: "pirate")).Persona);

    [Fact]
    public void For_random_facts_the_prompt_is_known_tokens_in_stable_order_without_values_and_required_slots_exist()
    {
        var order = SpecialTokens.All.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        Gen.Int.Sample(seed =>
        {
            var facts = RandomFacts.Next(new Random(seed));
            var sheet = FactSheets.From(facts);
            Assert.All(sheet.PromptTokens, t => Assert.Contains(t, SpecialTokens.Control));
            // Every mood follows its plant's index token; without the moods the order is the vocabulary's.
            var tokens = sheet.PromptTokens;
            var moods = Enum.GetValues<PlantMood>().Select(SpecialTokens.Mood).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < tokens.Count; i++)
            {
                Assert.Equal(moods.Contains(tokens[i]), i > 0 && tokens[i - 1].StartsWith("<plant:", StringComparison.Ordinal));
            }

            var positions = tokens.Where(t => !moods.Contains(t)).Select(t => order[t]).ToList();
            Assert.Equal(positions.Order(), positions);
            Assert.All(sheet.RequiredSlots, s => Assert.True(sheet.Has(s), s));
            Assert.All(sheet.SlotValues.Keys, s => Assert.Contains(SpecialTokens.Has(s), sheet.PromptTokens));
            if (facts.Person.Length > 0)
            {
                Assert.DoesNotContain(facts.Person, sheet.Prompt, StringComparison.Ordinal);
            }

            Assert.Equal(sheet.SlotValues, FactSheets.From(facts).SlotValues);
            Assert.Equal(sheet.Prompt, FactSheets.From(facts).Prompt);
        }, iter: 2000);
    }
}
