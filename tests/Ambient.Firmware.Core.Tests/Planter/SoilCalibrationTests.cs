using Ambient.Firmware.Planter;

namespace Ambient.Firmware.Core.Tests.Planter;

public sealed class SoilCalibrationTests
{
    [Theory]
    [InlineData(3000, 0)]      // the pot's dry reading
    [InlineData(1300, 1000)]   // its wet reading
    [InlineData(2150, 500)]    // halfway
    [InlineData(3500, 0)]      // drier than ever calibrated: clamped, not negative
    [InlineData(900, 1000)]    // wetter than calibrated: clamped
    public void Raw_counts_map_linearly_between_the_pots_dry_and_wet_points(int raw, int permille)
    {
        Assert.Equal(permille, SoilCalibration.ToPermille(raw, dryRaw: 3000, wetRaw: 1300));
    }

    [Theory]
    [InlineData(1300, 3000)]
    [InlineData(2000, 2000)]
    public void A_calibration_with_dry_not_above_wet_is_refused(int dry, int wet)
    {
        Assert.Equal(-1, SoilCalibration.ToPermille(2000, dry, wet));
    }

    [Fact]
    public void The_median_ignores_a_spike()
    {
        int[] samples = [2100, 2104, 2098, 2500, 2101, 2099, 2103, 2102, 2097];

        Assert.Equal(2101, Median.Of(samples, samples.Length));
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        int[] samples = [4, 1, 3, 2];

        Assert.Equal(2, Median.Of(samples, 4));
    }
}
