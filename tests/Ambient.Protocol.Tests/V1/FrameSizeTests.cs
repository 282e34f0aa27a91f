using CsCheck;

namespace Ambient.Protocol.Tests.V1;

public sealed class FrameSizeTests
{
    [Fact]
    public void A_planter_batch_of_four_sensors_fits_in_32_bytes()
    {
        // Any value the planter's sensors report indoors: full moisture and humidity scales, daylight up to
        // 200 klx, -40..85 °C (the operating range of the parts in hardware/planter/bom.md).
        Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 200_000], Gen.Int[-4000, 8500], Gen.Int[0, 1000])
            .Sample((moisture, lux, centiCelsius, humidity) =>
            {
                var frame = FrameEncoder.Encode(Samples.PlanterBatch(moisture, lux, centiCelsius, humidity));
                return frame.Length <= 32;
            }, iter: 20_000);
    }

    [Fact]
    public void A_typical_planter_batch_is_30_bytes()
    {
        Assert.Equal(30, FrameEncoder.Encode(Samples.PlanterBatch(412, 1830, 2150, 473)).Length);
    }
}
