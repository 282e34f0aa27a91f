// Not "…Tests.Facts": a namespace named Facts would hide the Facts record in every test file.
namespace Ambient.Language.Tests.FactsTests;

public class SpecialTokensTests
{
    [Fact]
    public void All_tokens_are_distinct_bracketed_words_control_first_then_slots()
    {
        var all = SpecialTokens.All;
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, t => Assert.Matches(@"^<[a-z0-9_:]+>$", t));
        Assert.Equal([.. SpecialTokens.Control, .. SlotNames.All], all);
        Assert.Contains("<intent:morning>", all);
        Assert.Contains("<dev:magnet>", all);
        Assert.Contains("<has:temp_now>", all);
        Assert.Contains("<plant:3>", all);
        Assert.Contains("<mood:toohot>", all);
        Assert.Contains("<event1_day>", all);
    }

    [Fact]
    public void Readme_slots_are_all_there()
    {
        string[] readme =
        [
            "<name>", "<temp_now>", "<temp_high>", "<temp_low>", "<condition>", "<rain_chance>", "<indoor_temp>",
            "<event1_title>", "<event1_time>", "<event1_location>", "<event3_location>", "<plant1_name>", "<plant1_moisture>",
            "<plant1_days>", "<plant3_days>", "<reminder_title>", "<reminder_time>", "<reminder_location>",
        ];
        Assert.All(readme, s => Assert.True(SlotNames.IsSlot(s), s));
    }

    [Fact]
    public void Every_slot_has_a_has_token()
    {
        Assert.All(SlotNames.All, s => Assert.Contains(SpecialTokens.Has(s), SpecialTokens.Control));
    }
}
