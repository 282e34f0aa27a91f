namespace Ambient.Language.Tests.Validation;

public class SlotErrorsTests
{
    private static readonly FactSheet Sheet = FactSheets.From(TestFacts.Greeting(weather: TestFacts.Rainy, events: [TestFacts.Dentist()]));

    [Fact]
    public void Counts_added_missing_and_repeated_slots()
    {
        // Required: name, temp_now, event1_title, event1_time (4).
        var e = SlotErrors.Count("Hi <name>, <name>. <temp_now>. <event2_title> and <bogus>.", Sheet);
        Assert.Equal(2, e.Added);
        Assert.Equal(2, e.Missing);
        Assert.Equal(1, e.Repeated);
        Assert.Equal(4, e.RequiredSlots);
        Assert.Equal(5.0 / 4, e.Rate);
        Assert.Equal(0, e.CleanTexts);
    }

    [Fact]
    public void A_clean_text_has_rate_zero_and_sums_add_up()
    {
        var clean = SlotErrors.Count("Hi <name>. <temp_now>. <event1_title> at <event1_time>.", Sheet);
        Assert.Equal(0, clean.Errors);
        Assert.Equal(1, clean.CleanTexts);
        var dirty = SlotErrors.Count("Hi <name>.", Sheet);
        var total = clean + dirty;
        Assert.Equal(2, total.Texts);
        Assert.Equal(1, total.CleanTexts);
        Assert.Equal(3, total.Missing);
        Assert.Equal(8, total.RequiredSlots);
        Assert.Equal(3.0 / 8, total.Rate);
        Assert.Equal(total, clean.Add(dirty));
    }
}
