using CsCheck;

namespace Ambient.Language.Tests.Teacher;

public class RandomFactsTests
{
    [Fact]
    public void Plant_reports_name_each_plant_once() =>
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            for (var i = 0; i < 20; i++)
            {
                var plants = RandomFacts.Next(random).Plants;
                Assert.Equal(plants.Count, plants.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());
            }
        });
}
