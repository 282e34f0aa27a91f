namespace Ambient.Language.Tests.Teacher;

public class HoldoutTests
{
    [Fact]
    public void Fnv1a_matches_the_published_vectors()
    {
        // http://www.isthe.com/chongo/tech/comp/fnv/ test vectors, so Python can reproduce the split.
        Assert.Equal(0x811c9dc5u, Holdout.Fnv1a(""));
        Assert.Equal(0xe40c292cu, Holdout.Fnv1a("a"));
        Assert.Equal(0xbf9cf968u, Holdout.Fnv1a("foobar"));
    }

    [Fact]
    public void About_one_prompt_in_twenty_is_held_out_and_whole_combinations_are()
    {
        var random = new Random(11);
        var held = Enumerable.Range(0, 4000).Count(_ => Holdout.IsHeldOut(FactSheets.From(RandomFacts.Next(random))));
        Assert.InRange(held, 4000 / 20 * 0.7, 4000 / 20 * 2.0);

        var foggyEvening = TestFacts.Greeting(intent: Intent.EveningSummary, target: TargetDevice.Earbud, weather: TestFacts.Rainy with { Sky = Sky.Fog });
        Assert.True(Holdout.IsHeldOut(FactSheets.From(foggyEvening)));
        var hotThird = TestFacts.Greeting(intent: Intent.PlantReport,
            plants: [new("A", PlantMood.Thirsty, null, null), new("B", PlantMood.Thirsty, null, null), new("C", PlantMood.TooHot, null, null)]);
        Assert.True(Holdout.IsHeldOut(FactSheets.From(hotThird)));
    }
}
