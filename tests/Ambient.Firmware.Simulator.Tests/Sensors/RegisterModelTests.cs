using Ambient.Firmware.Simulator.Sensors;
using Iot.Device.Bh1750fvi;
using Iot.Device.Sht3x;

namespace Ambient.Firmware.Simulator.Tests.Sensors;

/// <summary>The register models against their datasheets, read through the real Iot.Device.Bindings drivers.</summary>
public sealed class RegisterModelTests
{
    [Fact]
    public void Sht3x_crc_matches_the_datasheet_example()
    {
        // SHT3x-DIS datasheet §4.12: CRC-8 of 0xBEEF is 0x92.
        Assert.Equal(0x92, Sht3xSimulator.Crc8(0xBE, 0xEF));
    }

    [Theory]
    [InlineData(21.5, 47.0)]
    [InlineData(-10.0, 85.5)]
    [InlineData(60.3, 5.0)]
    public void The_sht3x_driver_reads_the_rooms_climate_through_the_register_model(double celsius, double percent)
    {
        var chip = new Sht3xSimulator(() => (celsius, percent));
        using var driver = new Sht3x(chip);

        Assert.Equal(celsius, driver.Temperature.DegreesCelsius, 1);
        Assert.Equal(percent, driver.Humidity.Percent, 1);
        Assert.Equal([0x30, 0xA2], chip.Writes[0]); // soft reset first (datasheet §4.9)
        Assert.Contains(chip.Writes, w => w is [0x24, 0x00]); // single shot, high repeatability, no clock stretching
    }

    [Fact]
    public void A_corrupted_sht3x_crc_is_not_taken_as_a_reading()
    {
        var value = 20.0;
        var chip = new Sht3xSimulator(() => (value, 50));
        using var driver = new Sht3x(chip);
        Assert.Equal(20.0, driver.Temperature.DegreesCelsius, 1);

        value = 30.0;
        chip.CorruptNextCrc = true;

        Assert.NotEqual(30.0, driver.Temperature.DegreesCelsius, 1);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(850.0)]
    [InlineData(20000.0)]
    public void The_bh1750_driver_reads_lux_through_the_register_model(double lux)
    {
        var chip = new Bh1750Simulator(() => lux);
        using var driver = new Bh1750fvi(chip);

        Assert.Equal(lux, driver.Illuminance.Lux, 0.5 + (lux * 0.001));
        Assert.Equal(0x01, chip.Writes[0][0]); // power on
    }

    [Fact]
    public void The_bh1750_measurement_time_register_scales_the_count()
    {
        var chip = new Bh1750Simulator(() => 1000);
        var count = new byte[2];

        chip.Write([0x10]);                 // continuous H-resolution, MTreg at its default 69
        chip.Read(count);
        var atDefault = (count[0] << 8) | count[1];
        chip.Write([0x44]);                 // MTreg[7:5] = 0b100
        chip.Write([0x6A]);                 // MTreg[4:0] = 0b01010 → MTreg = 138, twice the default
        chip.Read(count);
        var atDouble = (count[0] << 8) | count[1];

        Assert.Equal(1200, atDefault);      // datasheet: count = lux × 1.2 at MTreg 69
        Assert.Equal(2400, atDouble);
    }
}
