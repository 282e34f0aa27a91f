namespace Ambient.Language.Tests.Validation;

public sealed class SlotFillerCapitalTests
{
    [Fact]
    public void A_text_that_opens_with_a_lower_case_name_starts_with_a_capital_and_keeps_the_name_elsewhere()
    {
        var facts = new Facts(
            Intent.PlantReport, "Ana", new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), null, [],
            [new PlantFacts("basil", PlantMood.Thirsty, 21, null)], [], TargetDevice.Magnet);
        var sheet = FactSheets.From(facts);

        Assert.Equal("Basil would like water; the basil is at 21%.", SlotFiller.Fill("<plant1_name> would like water; the <plant1_name> is at <plant1_moisture>.", sheet));
        Assert.Equal("Ana, the basil is fine.", SlotFiller.Fill("<name>, the <plant1_name> is fine.", sheet));
    }
}
