using Ambient.Gateway.Plants;

namespace Ambient.Gateway.Tests.Plants;

public sealed class SpeciesTableTests
{
    [Fact]
    public void The_table_has_at_least_twenty_species_with_ordered_plausible_ranges()
    {
        Assert.True(SpeciesTable.All.Count >= 20, $"only {SpeciesTable.All.Count} species");
        Assert.All(SpeciesTable.All, s =>
        {
            Assert.True(s.MoisturePercent.IsOrdered && s.MoisturePercent.Min >= 0 && s.MoisturePercent.Max <= 100, s.Id);
            Assert.True(s.Lux.IsOrdered && s.Lux.Min > 0, s.Id);
            Assert.True(s.TemperatureCelsius.IsOrdered && s.TemperatureCelsius.Min >= 0 && s.TemperatureCelsius.Max <= 40, s.Id);
            Assert.False(string.IsNullOrWhiteSpace(s.Reasoning), s.Id);
        });
        Assert.Equal(SpeciesTable.All.Count, SpeciesTable.All.Select(s => s.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("basil")]
    [InlineData("mint")]
    [InlineData("parsley")]
    [InlineData("rosemary")]
    [InlineData("thyme")]
    [InlineData("chives")]
    [InlineData("pothos")]
    [InlineData("monstera")]
    [InlineData("snake-plant")]
    [InlineData("zz-plant")]
    [InlineData("peace-lily")]
    [InlineData("spider-plant")]
    [InlineData("fiddle-leaf-fig")]
    [InlineData("aloe-vera")]
    [InlineData("jade")]
    [InlineData("calathea")]
    [InlineData("rubber-plant")]
    [InlineData("phalaenopsis")]
    [InlineData("boston-fern")]
    [InlineData("echeveria")]
    public void The_common_houseplants_and_herbs_are_in_the_table(string id)
    {
        Assert.NotNull(SpeciesTable.Find(id));
    }

    [Fact]
    public void Succulents_want_drier_soil_than_ferns()
    {
        Assert.True(SpeciesTable.Find("echeveria")!.MoisturePercent.Max < SpeciesTable.Find("boston-fern")!.MoisturePercent.Min);
    }

    [Theory]
    [InlineData(2800, 1100, 2800, 0)]
    [InlineData(2800, 1100, 1100, 100)]
    [InlineData(2800, 1100, 1950, 50)]
    [InlineData(2800, 1100, 3500, 0)]   // drier than calibrated: clamped
    [InlineData(2800, 1100, 900, 100)]  // wetter than calibrated: clamped
    public void Pot_calibration_maps_raw_counts_linearly_and_clamps(int dry, int wet, int raw, double expected)
    {
        Assert.Equal(expected, new PotCalibration(dry, wet).ToPercent(raw), 6);
    }
}
