using Ambient.Firmware.Simulator.Sensors;
using Iot.Device.Bmxx80;

namespace Ambient.Firmware.Simulator.Tests.Sensors;

/// <summary>The BME280 register model against its datasheet (BST-BME280-DS002), read through the real Iot.Device.Bmxx80 driver.</summary>
public sealed class Bme280ModelTests
{
    public static TheoryData<double, double, double> Conditions => new()
    {
        { 21.5, 47.0, 101325 },     // a kitchen at sea level
        { -35.0, 12.0, 30500 },     // cold, dry, near the bottom of the pressure range
        { 82.0, 96.0, 109800 },     // hot, humid, near the top of the pressure range
        { 4.3, 88.5, 99850 },       // inside the fridge
        { 0.0, 0.5, 70000 },        // freezing point, bone dry, mountain top
        { 45.7, 99.5, 95123.4 },
        { -12.34, 63.21, 104567.8 },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void The_bme280_driver_reads_the_environment_back_through_the_register_model(double celsius, double percent, double pascal)
    {
        var chip = new Bme280Simulator(() => (celsius, percent, pascal));
        using var driver = new Bme280(chip); // driver defaults: ×1 oversampling everywhere, filter off

        var result = driver.Read();

        Assert.NotNull(result.Temperature);
        Assert.NotNull(result.Pressure);
        Assert.NotNull(result.Humidity);
        Assert.Equal(celsius, result.Temperature.Value.DegreesCelsius, 0.005);
        // ×1: 16-bit raw pressure, about 2.6 Pa a step; the driver's floating-point formulas differ from the
        // datasheet's integer ones (which the model inverts) by up to about 0.5 Pa and 0.003 °C.
        Assert.Equal(pascal, result.Pressure.Value.Pascals, 2.0);
        Assert.Equal(percent, result.Humidity.Value.Percent, 0.01);
    }

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Sixteen_fold_oversampling_resolves_the_pressure_to_a_fraction_of_a_pascal(double celsius, double percent, double pascal)
    {
        var chip = new Bme280Simulator(() => (celsius, percent, pascal));
        using var driver = new Bme280(chip)
        {
            TemperatureSampling = Sampling.UltraHighResolution,
            PressureSampling = Sampling.UltraHighResolution,
            HumiditySampling = Sampling.UltraHighResolution,
        };

        var result = driver.Read();

        Assert.Equal(celsius, result.Temperature!.Value.DegreesCelsius, 0.005);
        Assert.Equal(pascal, result.Pressure!.Value.Pascals, 0.6); // 20 bits: 0.16 Pa a step, plus the formula difference
        Assert.Equal(percent, result.Humidity!.Value.Percent, 0.01);
    }

    [Fact]
    public void Raw_temperature_and_pressure_carry_16_plus_osrs_minus_1_bits_with_the_filter_off_and_20_with_it_on()
    {
        var chip = new Bme280Simulator(() => (23.456, 50, 100_987.6));

        chip.Write([Bme280Simulator.RegisterCtrlHum, 0b001]);
        chip.Write([Bme280Simulator.RegisterCtrlMeas, 0b001_001_01]);     // ×1 / ×1, forced
        var (t1, p1, _) = chip.Raw;
        chip.Write([Bme280Simulator.RegisterCtrlMeas, 0b011_011_01]);     // ×4 / ×4: 18 bits
        var (t4, p4, _) = chip.Raw;
        chip.Write([Bme280Simulator.RegisterConfig, 0b000_010_00]);       // IIR filter coefficient 4
        chip.Write([Bme280Simulator.RegisterCtrlMeas, 0b001_001_01]);     // ×1 but filtered: 20 bits
        var (tf, pf, _) = chip.Raw;

        Assert.Equal(0, t1 & 0xF);
        Assert.Equal(0, p1 & 0xF);
        Assert.Equal(0, t4 & 0x3);
        Assert.Equal(0, p4 & 0x3);
        Assert.True((t4 & 0xF) != 0 || (p4 & 0xF) != 0, "×4 should use bits below the 16-bit grid");
        Assert.True((tf & 0x3) != 0 || (pf & 0x3) != 0, "the filter should give 20-bit results");
    }

    [Fact]
    public void The_chip_id_register_reads_0x60()
    {
        var chip = new Bme280Simulator(() => (20, 50, 101325));

        Assert.Equal(0x60, ReadRegisters(chip, 0xD0, 1)[0]);
    }

    [Fact]
    public void The_trimming_registers_read_back_the_chosen_values_little_endian_with_h4_and_h5_packed_into_12_bits()
    {
        var chip = new Bme280Simulator(() => (20, 50, 101325));

        var low = ReadRegisters(chip, 0x88, 26);    // one burst, auto-incrementing: 0x88…0xA1
        var high = ReadRegisters(chip, 0xE1, 7);    // 0xE1…0xE7

        ushort Word(int register) => (ushort)(low[register - 0x88] | (low[register - 0x87] << 8));
        Assert.Equal(27504, Word(0x88));                    // dig_T1
        Assert.Equal(26435, (short)Word(0x8A));             // dig_T2
        Assert.Equal(-1000, (short)Word(0x8C));             // dig_T3
        Assert.Equal(36477, Word(0x8E));                    // dig_P1
        Assert.Equal(-10685, (short)Word(0x90));            // dig_P2
        Assert.Equal(3024, (short)Word(0x92));              // dig_P3
        Assert.Equal(2855, (short)Word(0x94));              // dig_P4
        Assert.Equal(140, (short)Word(0x96));               // dig_P5
        Assert.Equal(-7, (short)Word(0x98));                // dig_P6
        Assert.Equal(15500, (short)Word(0x9A));             // dig_P7
        Assert.Equal(-14600, (short)Word(0x9C));            // dig_P8
        Assert.Equal(6000, (short)Word(0x9E));              // dig_P9
        Assert.Equal(0x00, low[0xA0 - 0x88]);               // reserved
        Assert.Equal(75, low[0xA1 - 0x88]);                 // dig_H1
        Assert.Equal(new byte[] { 0x6A, 0x01 }, high[0..2]); // dig_H2 = 362 = 0x016A
        Assert.Equal(0x00, high[2]);                        // dig_H3
        Assert.Equal(0x13, high[3]);                        // dig_H4[11:4] of 313 = 0x139
        Assert.Equal(0x29, high[4]);                        // dig_H5[3:0] = 0x2 << 4 | dig_H4[3:0] = 0x9
        Assert.Equal(0x03, high[5]);                        // dig_H5[11:4] of 50 = 0x032
        Assert.Equal(30, high[6]);                          // dig_H6
    }

    [Fact]
    public void Other_trimming_values_are_packed_the_same_way()
    {
        var trimming = Bme280Trimming.Typical with { T1 = 28000, P1 = 37000, H2 = -123, H3 = 7, H4 = 0x5BC, H5 = 0x123, H6 = -5 };
        var chip = new Bme280Simulator(() => (20, 50, 101325), trimming);

        Assert.Equal(new byte[] { 0x60, 0x6D }, ReadRegisters(chip, 0x88, 2));
        Assert.Equal(new byte[] { 0x85, 0xFF, 0x07, 0x5B, 0x3C, 0x12, 0xFB }, ReadRegisters(chip, 0xE1, 7));
    }

    [Theory]
    [InlineData(0b01)]
    [InlineData(0b10)]
    public void A_forced_measurement_returns_the_mode_bits_to_sleep(int forced)
    {
        var chip = new Bme280Simulator(() => (20, 50, 101325));
        chip.Write([Bme280Simulator.RegisterCtrlHum, 0b001]);

        chip.Write([Bme280Simulator.RegisterCtrlMeas, (byte)(0b001_001_00 | forced)]);

        Assert.Equal(0b001_001_00, ReadRegisters(chip, Bme280Simulator.RegisterCtrlMeas, 1)[0]);
        Assert.Equal(1, chip.Conversions);
        Assert.NotEqual(0x80, ReadRegisters(chip, Bme280Simulator.RegisterTemp, 1)[0]); // no longer the reset value
    }

    [Fact]
    public void Normal_mode_keeps_converting_and_stays_in_normal_mode()
    {
        var celsius = 20.0;
        var chip = new Bme280Simulator(() => (celsius, 50, 101325));
        using var driver = new Bme280(chip);
        driver.SetPowerMode(Iot.Device.Bmxx80.PowerMode.Bmx280PowerMode.Normal);

        var first = driver.Read();
        celsius = 25.0;
        var second = driver.Read();

        Assert.Equal(0b11, ReadRegisters(chip, Bme280Simulator.RegisterCtrlMeas, 1)[0] & 0b11);
        Assert.Equal(20.0, first.Temperature!.Value.DegreesCelsius, 0.005);
        Assert.Equal(25.0, second.Temperature!.Value.DegreesCelsius, 0.005);
    }

    [Fact]
    public void A_skipped_measurement_reads_its_reset_value_and_the_driver_reports_none()
    {
        var chip = new Bme280Simulator(() => (20, 50, 101325));
        using var driver = new Bme280(chip) { PressureSampling = Sampling.Skipped, HumiditySampling = Sampling.Skipped };

        var result = driver.Read();

        Assert.Equal(new byte[] { 0x80, 0x00, 0x00 }, ReadRegisters(chip, Bme280Simulator.RegisterPress, 3));
        Assert.Equal(new byte[] { 0x80, 0x00 }, ReadRegisters(chip, Bme280Simulator.RegisterHum, 2));
        Assert.Null(result.Pressure);
        Assert.Null(result.Humidity);
        Assert.Equal(20.0, result.Temperature!.Value.DegreesCelsius, 0.005);
    }

    [Fact]
    public void A_soft_reset_restores_the_reset_state_and_other_values_are_ignored()
    {
        var chip = new Bme280Simulator(() => (20, 50, 101325));
        chip.Write([Bme280Simulator.RegisterCtrlHum, 0b101, Bme280Simulator.RegisterConfig, 0b101_100_00]);
        chip.Write([Bme280Simulator.RegisterCtrlMeas, 0b101_101_01]);

        chip.Write([Bme280Simulator.RegisterReset, 0x42]);
        Assert.Equal(0b101, ReadRegisters(chip, Bme280Simulator.RegisterCtrlHum, 1)[0]);

        chip.Write([Bme280Simulator.RegisterReset, 0xB6]);
        Assert.Equal(new byte[] { 0, 0, 0, 0 }, ReadRegisters(chip, Bme280Simulator.RegisterCtrlHum, 4));
        Assert.Equal(new byte[] { 0x80, 0, 0, 0x80, 0, 0, 0x80, 0 }, ReadRegisters(chip, Bme280Simulator.RegisterPress, 8));
        Assert.Equal(0x60, ReadRegisters(chip, Bme280Simulator.RegisterChipId, 1)[0]);
        Assert.Equal(0x00, ReadRegisters(chip, Bme280Simulator.RegisterReset, 1)[0]);
    }

    [Fact]
    public void The_forward_compensation_reproduces_the_datasheet_worked_example()
    {
        // BMP280 datasheet (BST-BMP280-DS001) §3.12, same T and P trimming: adc_T 519888 → 25.08 °C, t_fine 128422;
        // adc_P 415148 → 100653.27 Pa (the example's floating-point result).
        var trim = Bme280Trimming.Typical;

        var centi = Bme280Simulator.CompensateTemperature(trim, 519888, out var fine);
        var q24_8 = Bme280Simulator.CompensatePressure(trim, 415148, fine);

        Assert.Equal(2508, centi);
        Assert.Equal(128422, fine);
        Assert.Equal(100653.27, q24_8 / 256.0, 0.02); // the 64-bit integer formula gives 25767233 / 256 = 100653.254
    }

    public static TheoryData<int, int, int> RawSamples => new()
    {
        { 519888, 415148, 27000 },
        { 0x80000, 0x60000, 0x6000 },
        { 300000, 200000, 20000 },
        { 700000, 650000, 45000 },
        { 415000, 300000, 33000 },
        { 610000, 500000, 38000 },
    };

    [Theory]
    [MemberData(nameof(RawSamples))]
    public void The_forward_compensation_agrees_with_the_driver_for_raw_counts(int adcT, int adcP, int adcH)
    {
        var chip = new Bme280Simulator(() => (20, 50, 101325));
        using var driver = new Bme280(chip);
        chip.LatchRaw(adcT, adcP, adcH);

        // The driver's Try* reads do not start a conversion, so they see the latched counts.
        Assert.True(driver.TryReadTemperature(out var temperature));
        Assert.True(driver.TryReadPressure(out var pressure));
        Assert.True(driver.TryReadHumidity(out var humidity));
        var centi = Bme280Simulator.CompensateTemperature(chip.Trimming, adcT, out var fine);
        var q24_8 = Bme280Simulator.CompensatePressure(chip.Trimming, adcP, fine);
        var q22_10 = Bme280Simulator.CompensateHumidity(chip.Trimming, adcH, fine);

        Assert.Equal(temperature.DegreesCelsius, centi / 100.0, 0.006);
        Assert.Equal(pressure.Pascals, q24_8 / 256.0, 0.05);
        Assert.Equal(humidity.Percent, q22_10 / 1024.0, 0.01);
    }

    [Theory]
    [InlineData(21.5, 47.0, 101325.0)]
    [InlineData(4.25, 91.25, 99850.0)]
    [InlineData(-18.0, 35.0, 98000.0)]
    public void The_magnets_climate_sensor_reads_centi_celsius_permille_and_pascal_through_the_driver(double celsius, double percent, double pascal)
    {
        var chip = new Bme280Simulator(() => (celsius, percent, pascal));
        using var sensor = new DriverBme280ClimateSensor(chip);

        Assert.True(sensor.TryRead(out var centiCelsius, out var humidityPermille));
        Assert.True(sensor.TryReadPressure(out var readPascal));

        Assert.Equal((int)Math.Round(celsius * 100, MidpointRounding.AwayFromZero), centiCelsius);
        Assert.Equal((int)Math.Round(percent * 10, MidpointRounding.AwayFromZero), humidityPermille);
        Assert.InRange(readPascal, pascal - 2, pascal + 2);
        Assert.Equal(2, chip.Conversions); // one forced conversion per read
        Assert.Contains(chip.Writes, w => w is [Bme280Simulator.RegisterCtrlMeas, 0b001_001_10]); // ×1, ×1, forced
    }

    [Fact]
    public void The_magnets_climate_sensor_reports_no_pressure_when_pressure_is_skipped()
    {
        var chip = new Bme280Simulator(() => (21.5, 47, 101325));
        using var sensor = new DriverBme280ClimateSensor(chip, measurePressure: false);

        Assert.False(sensor.TryReadPressure(out var pascal));
        Assert.Equal(0, pascal);
        Assert.True(sensor.TryRead(out var centiCelsius, out _));
        Assert.Equal(2150, centiCelsius);
    }

    private static byte[] ReadRegisters(Bme280Simulator chip, byte start, int count)
    {
        var buffer = new byte[count];
        chip.WriteRead([start], buffer);
        return buffer;
    }
}
