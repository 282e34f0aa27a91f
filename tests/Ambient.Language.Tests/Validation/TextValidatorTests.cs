namespace Ambient.Language.Tests.Validation;

public class TextValidatorTests
{
    private static readonly FactSheet Dashboard = FactSheets.From(TestFacts.Greeting(weather: TestFacts.Rainy with { RainChancePercent = 10, Sky = Sky.Cloudy }, events: [TestFacts.Dentist()]));

    private const string Good = "Good morning, <name>. It's <temp_now> and <condition>. <event1_title> at <event1_time>.";

    private static IReadOnlyList<string> Kinds(string text, FactSheet? sheet = null) =>
        [.. TextValidator.Validate(text, sheet ?? Dashboard).Select(Problems.KindOf).Distinct()];

    [Fact]
    public void A_good_text_has_no_problems()
    {
        Assert.Empty(TextValidator.Validate(Good, Dashboard));
        Assert.True(TextValidator.IsValid(Good, Dashboard));
    }

    [Theory]
    [InlineData("Good morning, <name>. It's <temp_now> and <colour>. <event1_title> at <event1_time>.", Problems.UnknownSlot)]
    [InlineData("Good morning, <name>. It's <temp_now>. <event1_title> at <event1_time>, <event2_title>.", Problems.UnknownSlot)]
    [InlineData("Good morning, <name>. <intent:morning> <temp_now>. <event1_title> at <event1_time>.", Problems.UnknownSlot)]
    [InlineData("Good morning, <name>. It's <temp_now>, <temp_now>. <event1_title> at <event1_time>.", Problems.RepeatedSlot)]
    [InlineData("Good morning, <name>. It's <temp_now>. <event1_title> soon.", Problems.MissingSlot)]
    [InlineData("Good morning. It's <temp_now>. <event1_title> at <event1_time>.", Problems.MissingSlot)]
    [InlineData("Good morning, <name>. It's <temp_now>, 3 events today. <event1_title> at <event1_time>.", Problems.Digits)]
    [InlineData("Good morning, <name>! It's <temp_now>! <event1_title> at <event1_time>.", Problems.Exclamations)]
    [InlineData("Good morning, <name>. It's <temp_now>. You should have left. <event1_title> at <event1_time>.", Problems.Blacklisted)]
    [InlineData("Good morning, <name>. It's <temp_now>. Don't forget <event1_title> at <event1_time>.", Problems.Blacklisted)]
    [InlineData("Hurry, <name>. It's <temp_now>. <event1_title> at <event1_time>.", Problems.Blacklisted)]
    [InlineData("Good morning, <name>. It's <temp_now>, so take an umbrella. <event1_title> at <event1_time>.", Problems.Unsupported)]
    [InlineData("Good morning, <name>.  It's <temp_now>. <event1_title> at <event1_time> .", Problems.Spacing)]
    [InlineData("Good morning, <name>. It's <temp_now> and it is would rain. <event1_title> at <event1_time>.", Problems.Grammar)]
    [InlineData("Good morning, <name>. It's <temp_now>. <event1_title> at <event1_time> will needs a coat.", Problems.Grammar)]
    [InlineData("Good morning, <name>. It's <temp_now> and it is cold and it is cold and it is cold. <event1_title> at <event1_time>.", Problems.Repeated)]
    [InlineData("Good morning, <name>. It's <temp_now>.No rain. <event1_title> at <event1_time>.", Problems.Spacing)]
    [InlineData("Good morning, <name>. It's <temp_now>. outside, so you know. <event1_title> at <event1_time>.", Problems.Grammar)]
    [InlineData("   ", Problems.Empty)]
    public void Each_problem_kind_is_caught(string text, string kind) => Assert.Contains(kind, Kinds(text));

    [Fact]
    public void Problems_name_the_slot()
    {
        var problems = TextValidator.Validate("Good morning, <name>. It's <temp_now>. <event1_title>.", Dashboard);
        Assert.Contains($"{Problems.MissingSlot}: <event1_time>", problems);
    }

    [Fact]
    public void Too_long_for_the_dashboard()
    {
        var text = Good + string.Concat(Enumerable.Repeat(" Have a good day.", 14));
        Assert.True(text.Length > 280);
        Assert.Contains(Problems.TooLong, Kinds(text));
    }

    [Fact]
    public void The_magnet_needs_four_wrapped_lines_not_just_few_characters()
    {
        var magnet = FactSheets.From(TestFacts.Greeting(target: TargetDevice.Magnet, person: "Bartholomew"));
        // 5 short lines' worth of words; under 120 characters but 5 lines of 30 once wrapped word by word.
        var text = "Good morning, <name>. Wonderful weather today, truly. Delightful morning out there. Everything calm here. Bye.";
        Assert.True(SlotFiller.Fill(text, magnet).Length <= 120);
        Assert.Contains(Problems.TooLong, Kinds(text, magnet));
        Assert.Empty(TextValidator.Validate("Good morning, <name>. Lovely day.", magnet));
        Assert.Contains(Problems.TooLong, Kinds("Good morning, <name>. Supercalifragilisticexpialidociousness.", magnet));
    }

    [Fact]
    public void The_earbud_says_exactly_one_sentence()
    {
        var earbud = FactSheets.From(TestFacts.Greeting(target: TargetDevice.Earbud, person: "Dr. Watson"));
        Assert.Empty(TextValidator.Validate("Good morning, <name>, a clear day.", earbud));
        Assert.Contains(Problems.NotOneSentence, Kinds("Good morning, <name>. A clear day.", earbud));
        Assert.Contains(Problems.NotOneSentence, Kinds("Good morning, <name>, a clear day", earbud));
        Assert.Contains(Problems.NotOneSentence, Kinds("Still up, <name>? It's late.", earbud));
    }

    [Fact]
    public void Umbrella_is_fine_when_rain_is_forecast()
    {
        var rainy = FactSheets.From(TestFacts.Greeting(weather: TestFacts.Rainy));
        Assert.Empty(TextValidator.Validate("Morning, <name>. It's <temp_now>, so take an umbrella.", rainy));
    }

    [Fact]
    public void Blacklist_is_about_words_not_slot_values()
    {
        var sheet = FactSheets.From(TestFacts.Greeting(intent: Intent.WhatsNext, events: [new("Forgotten Realms club", TestFacts.Morning.AddHours(2), false, null)]));
        Assert.Empty(TextValidator.Validate("Next up: <event1_title> at <event1_time>.", sheet));
        Assert.NotEmpty(StyleRules.Find("You forgot it AGAIN? Why didn't you"));
        Assert.Empty(StyleRules.Find("Not forgetful, unforgettable, hurrying"));
    }

    [Fact]
    public void Slot_filler_puts_values_in_and_leaves_unknown_tokens()
    {
        Assert.Equal("Good morning, Ana. It's 7° and light rain. Dentist at 9:30.", SlotFiller.Fill(Good, Dashboard));
        Assert.Equal("Hi Ana <mystery> <event2_title>", SlotFiller.Fill("Hi <name> <mystery> <event2_title>", Dashboard));
    }

    [Fact]
    public void A_value_that_looks_like_a_slot_is_not_expanded_again()
    {
        var sheet = FactSheets.From(TestFacts.Greeting(person: "<temp_now>", weather: TestFacts.Rainy));
        Assert.Equal("Hi <temp_now>, 7°.", SlotFiller.Fill("Hi <name>, <temp_now>.", sheet));
    }

    [Theory]
    [InlineData("<plant1_name> is too hot where it is too hot where it is.", "is too hot where it is")]
    // Five words across two plants is the teacher's own ("would dearly love a warmer spot … room"); slots differ.
    [InlineData("<plant1_name> would dearly love a warmer spot. <plant2_name> would dearly love a warmer room.", null)]
    [InlineData("Looking ahead to <event1_day>: <event1_title>. Looking ahead to <event2_day>: <event2_title>.", null)]
    public void Six_words_said_twice_are_a_loop(string text, string? run) => Assert.Equal(run, StyleRules.RepeatedRun(text));

    [Theory]
    [InlineData(10, "Morning, <name>. <temp_now>, showers look likely at <rain_chance>. <event1_title> at <event1_time>.", true)]
    [InlineData(10, "Morning, <name>. <temp_now>, rain looks unlikely at <rain_chance>. <event1_title> at <event1_time>.", false)]
    [InlineData(80, "Morning, <name>. <temp_now>, rain looks unlikely at <rain_chance>. <event1_title> at <event1_time>.", true)]
    [InlineData(80, "Morning, <name>. <temp_now>, a good <rain_chance> chance of getting wet. <event1_title> at <event1_time>.", false)]
    public void Rain_is_called_likely_only_when_the_chance_is(int percent, string text, bool unsupported)
    {
        var sheet = FactSheets.From(TestFacts.Greeting(weather: TestFacts.Rainy with { RainChancePercent = percent }, events: [TestFacts.Dentist()]));
        Assert.Equal(unsupported, TextValidator.Validate(text, sheet).Any(p => p.StartsWith(Problems.Unsupported + ": ", StringComparison.Ordinal) && p.Contains("rain chance", StringComparison.Ordinal)));
    }
}

