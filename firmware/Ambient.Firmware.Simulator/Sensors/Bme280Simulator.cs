namespace Ambient.Firmware.Simulator.Sensors;

/// <summary>
/// The factory trimming parameters of one BME280 (datasheet BST-BME280-DS002 §4.2.2, table 16). The defaults are the
/// datasheet's worked-example values for temperature and pressure (the BMP280 datasheet §3.12 shares them) and typical
/// values read from production parts for humidity. H4 and H5 are 12-bit values; only non-negative ones are supported,
/// as on real parts.
/// </summary>
public readonly record struct Bme280Trimming(
    ushort T1, short T2, short T3,
    ushort P1, short P2, short P3, short P4, short P5, short P6, short P7, short P8, short P9,
    byte H1, short H2, byte H3, short H4, short H5, sbyte H6)
{
    public static Bme280Trimming Typical { get; } = new(
        T1: 27504, T2: 26435, T3: -1000,
        P1: 36477, P2: -10685, P3: 3024, P4: 2855, P5: 140, P6: -7, P7: 15500, P8: -14600, P9: 6000,
        H1: 75, H2: 362, H3: 0, H4: 313, H5: 50, H6: 30);
}

/// <summary>
/// Bosch BME280 combined humidity, pressure and temperature sensor at register level (datasheet BST-BME280-DS002),
/// on I2C at 0x76 (SDO to GND, §6.2). Register map (§5.3, §5.4): chip id 0xD0 = 0x60, reset 0xE0 (0xB6 resets),
/// trimming 0x88–0xA1 and 0xE1–0xE7 (§4.2.2), ctrl_hum 0xF2, status 0xF3, ctrl_meas 0xF4, config 0xF5 and the data
/// block 0xF7–0xFE (press msb/lsb/xlsb, temp msb/lsb/xlsb, hum msb/lsb).
/// <para>
/// A write of ctrl_meas with mode 01/10 (forced) or 11 (normal) converts the environment into raw ADC counts that the
/// datasheet's integer compensation formulas (§4.2.3, 32-bit temperature and humidity, 64-bit pressure) map back to
/// it: each formula is evaluated forward and inverted by binary search over the raw range, temperature first because
/// its t_fine feeds pressure and humidity. After a forced conversion the mode bits return to sleep (§3.3.2). Raw
/// temperature and pressure carry 16 + (osrs − 1) significant bits with the IIR filter off and 20 bits with it on
/// (§3.4.2, §3.4.3; §5.4.7, §5.4.8); the filter's time response is not modelled. A skipped measurement reads 0x80000
/// (temperature, pressure) or 0x8000 (humidity), as after reset (§5.4.5, §5.4.3). Conversions are instantaneous, so
/// status (0xF3) always reads 0.
/// </para>
/// </summary>
public sealed class Bme280Simulator : SimulatedI2cDevice
{
    public const int DefaultAddress = 0x76;
    public const byte ChipIdValue = 0x60;

    public const byte RegisterTrimmingLow = 0x88;   // dig_T1 … dig_P9 (0x88–0x9F), dig_H1 at 0xA1
    public const byte RegisterH1 = 0xA1;
    public const byte RegisterChipId = 0xD0;
    public const byte RegisterReset = 0xE0;
    public const byte RegisterTrimmingHigh = 0xE1;  // dig_H2 … dig_H6 (0xE1–0xE7)
    public const byte RegisterCtrlHum = 0xF2;
    public const byte RegisterStatus = 0xF3;
    public const byte RegisterCtrlMeas = 0xF4;
    public const byte RegisterConfig = 0xF5;
    public const byte RegisterPress = 0xF7;
    public const byte RegisterTemp = 0xFA;
    public const byte RegisterHum = 0xFD;

    private const byte ResetCommand = 0xB6;            // §5.4.2: any other value has no effect
    private const int SkippedTemperatureOrPressure = 0x80000;
    private const int SkippedHumidity = 0x8000;

    private readonly Func<(double Celsius, double Percent, double Pascal)> _environment;
    private readonly byte[] _registers = new byte[256];
    private byte _pointer;
    private int _latchedHumidityOversampling;

    public Bme280Simulator(Func<(double Celsius, double Percent, double Pascal)> environment, Bme280Trimming? trimming = null)
        : base(DefaultAddress)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        Trimming = trimming ?? Bme280Trimming.Typical;
        WriteTrimming();
        _registers[RegisterChipId] = ChipIdValue;
        PowerOnReset();
    }

    public Bme280Trimming Trimming { get; }

    /// <summary>Conversions done so far (forced, or refreshes in normal mode).</summary>
    public int Conversions { get; private set; }

    /// <summary>The raw ADC counts now in the data registers (20-bit temperature and pressure, 16-bit humidity).</summary>
    public (int Temperature, int Pressure, int Humidity) Raw =>
        (Raw20(RegisterTemp), Raw20(RegisterPress), (_registers[RegisterHum] << 8) | _registers[RegisterHum + 1]);

    /// <summary>
    /// §4.2.3 "compensate_T_int32": temperature in 0.01 °C from the 20-bit raw count; <paramref name="fine"/> (t_fine,
    /// 1/5120 °C) carries the fine temperature over to the pressure and humidity formulas.
    /// </summary>
    public static int CompensateTemperature(in Bme280Trimming trim, int adcT, out int fine)
    {
        var var1 = (((adcT >> 3) - (trim.T1 << 1)) * trim.T2) >> 11;
        var delta = (adcT >> 4) - trim.T1;
        var var2 = (((delta * delta) >> 12) * trim.T3) >> 14;
        fine = var1 + var2;
        return ((fine * 5) + 128) >> 8;
    }

    /// <summary>§4.2.3 "compensate_P_int64": pressure in Pa as Q24.8 (value / 256 = Pa) from the 20-bit raw count.</summary>
    public static long CompensatePressure(in Bme280Trimming trim, int adcP, int fine)
    {
        long var1 = fine - 128000L;
        var var2 = var1 * var1 * trim.P6;
        var2 += (var1 * trim.P5) << 17;
        var2 += (long)trim.P4 << 35;
        var1 = ((var1 * var1 * trim.P3) >> 8) + ((var1 * trim.P2) << 12);
        var1 = (((1L << 47) + var1) * trim.P1) >> 33;
        if (var1 == 0)
        {
            return 0; // the datasheet's guard against a division by zero
        }

        var p = 1048576L - adcP;
        p = (((p << 31) - var2) * 3125) / var1;
        var1 = (trim.P9 * (p >> 13) * (p >> 13)) >> 25;
        var2 = (trim.P8 * p) >> 19;
        return ((p + var1 + var2) >> 8) + ((long)trim.P7 << 4);
    }

    /// <summary>
    /// §4.2.3 "bme280_compensate_H_int32": relative humidity in %RH as Q22.10 (value / 1024 = %RH), clamped to
    /// 0…100 %, from the 16-bit raw count. Evaluated in 64 bits so that extreme raw counts cannot overflow (the result
    /// equals the 32-bit version wherever that one does not overflow).
    /// </summary>
    public static long CompensateHumidity(in Bme280Trimming trim, int adcH, int fine)
    {
        long x = fine - 76800L;
        x = ((((long)adcH << 14) - ((long)trim.H4 << 20) - (trim.H5 * x) + 16384) >> 15)
            * (((((((x * trim.H6) >> 10) * (((x * trim.H3) >> 11) + 32768)) >> 10) + 2097152) * trim.H2 + 8192) >> 14);
        x -= ((((x >> 15) * (x >> 15)) >> 7) * trim.H1) >> 4;
        x = Math.Clamp(x, 0, 419430400);
        return x >> 12;
    }

    /// <summary>
    /// Puts these raw ADC counts in the data registers as if a conversion had produced them (to test compensation
    /// against a driver); the next conversion overwrites them.
    /// </summary>
    public void LatchRaw(int adcTemperature, int adcPressure, int adcHumidity)
    {
        PutRaw20(RegisterTemp, adcTemperature);
        PutRaw20(RegisterPress, adcPressure);
        _registers[RegisterHum] = (byte)(adcHumidity >> 8);
        _registers[RegisterHum + 1] = (byte)adcHumidity;
    }

    /// <summary>
    /// §6.2.1: a write is a register address followed by data; several registers are written as (address, data)
    /// pairs, without auto-increment. A lone address (or a trailing one) sets the read pointer (§6.2.2).
    /// </summary>
    protected override void Command(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        for (; i + 1 < bytes.Length; i += 2)
        {
            _pointer = bytes[i];
            WriteRegister(bytes[i], bytes[i + 1]);
        }

        if (i < bytes.Length)
        {
            _pointer = bytes[i];
        }
    }

    /// <summary>§6.2.2: a read returns consecutive registers from the pointer, which auto-increments.</summary>
    protected override void Respond(Span<byte> buffer)
    {
        // Normal mode converts continuously (§3.3.3): a burst read of the data block sees the latest conversion.
        if (Mode(_registers[RegisterCtrlMeas]) == 0b11 && _pointer >= RegisterPress)
        {
            Convert();
        }

        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = _registers[_pointer];
            _pointer = (byte)(_pointer + 1);
        }
    }

    private static int Mode(byte ctrlMeas) => ctrlMeas & 0b11;

    private void WriteRegister(byte register, byte value)
    {
        switch (register)
        {
            case RegisterReset:
                if (value == ResetCommand)
                {
                    PowerOnReset();
                }

                break;
            case RegisterCtrlHum:
                // §5.4.3: osrs_h[2:0]; it takes effect only after the next write of ctrl_meas.
                _registers[RegisterCtrlHum] = (byte)(value & 0b111);
                break;
            case RegisterCtrlMeas:
                // §5.4.5: osrs_t[7:5], osrs_p[4:2], mode[1:0] (00 sleep, 01/10 forced, 11 normal, §3.3).
                _registers[RegisterCtrlMeas] = value;
                _latchedHumidityOversampling = _registers[RegisterCtrlHum] & 0b111;
                if (Mode(value) != 0b00)
                {
                    Convert();
                }

                if (Mode(value) is 0b01 or 0b10)
                {
                    // §3.3.2: after one forced conversion the sensor returns to sleep mode.
                    _registers[RegisterCtrlMeas] = (byte)(value & 0b1111_1100);
                }

                break;
            case RegisterConfig:
                // §5.4.6: t_sb[7:5], filter[4:2], spi3w_en[0]; bit 1 is reserved.
                _registers[RegisterConfig] = (byte)(value & 0b1111_1101);
                break;
            default:
                break; // the chip id, trimming, status and data registers are read-only
        }
    }

    /// <summary>§5.3 reset states: control registers 0, data registers at their "skipped" values.</summary>
    private void PowerOnReset()
    {
        _registers[RegisterCtrlHum] = 0;
        _registers[RegisterStatus] = 0;
        _registers[RegisterCtrlMeas] = 0;
        _registers[RegisterConfig] = 0;
        _latchedHumidityOversampling = 0;
        LatchRaw(SkippedTemperatureOrPressure, SkippedTemperatureOrPressure, SkippedHumidity);
    }

    private void Convert()
    {
        Conversions++;
        var (celsius, percent, pascal) = _environment();
        var ctrlMeas = _registers[RegisterCtrlMeas];
        var osrsT = ctrlMeas >> 5;
        var osrsP = (ctrlMeas >> 2) & 0b111;
        var filterOn = ((_registers[RegisterConfig] >> 2) & 0b111) != 0;

        // Temperature first: t_fine (1/5120 °C, §4.2.3) is what pressure and humidity compensation take from it.
        var targetFine = celsius * 5120.0;
        var adcT = Invert(20, Resolution(osrsT, filterOn), CompensateTemperatureFine, targetFine);
        CompensateTemperature(Trimming, adcT, out var fine);

        // Pressure falls as the raw count rises (§4.2.3: p = 1048576 − adc_P …), so the search runs on −p.
        var adcP = Invert(20, Resolution(osrsP, filterOn), raw => -CompensatePressure(Trimming, raw, fine), -pascal * 256.0);

        // Humidity is always 16 bits (§3.4.1).
        var adcH = Invert(16, 16, raw => CompensateHumidity(Trimming, raw, fine), Math.Clamp(percent, 0, 100) * 1024.0);

        LatchRaw(
            osrsT == 0 ? SkippedTemperatureOrPressure : adcT,
            osrsP == 0 ? SkippedTemperatureOrPressure : adcP,
            _latchedHumidityOversampling == 0 ? SkippedHumidity : adcH);
    }

    private long CompensateTemperatureFine(int adcT)
    {
        CompensateTemperature(Trimming, adcT, out var fine);
        return fine;
    }

    /// <summary>
    /// Significant bits of a raw temperature or pressure count: 20 with the IIR filter on, otherwise
    /// 16 + (osrs − 1), where osrs 101 and above all mean ×16 (§3.4.2, §3.4.3, §5.4.5).
    /// </summary>
    private static int Resolution(int osrs, bool filterOn) => filterOn ? 20 : 16 + Math.Clamp(osrs, 1, 5) - 1;

    /// <summary>
    /// The <paramref name="width"/>-bit raw count, with only its top <paramref name="bits"/> significant, whose
    /// compensated value lies nearest <paramref name="target"/>; <paramref name="compensate"/> must not decrease
    /// as the count rises.
    /// </summary>
    private static int Invert(int width, int bits, Func<int, long> compensate, double target)
    {
        var step = 1 << (width - bits);
        var steps = 1 << bits;

        // The first step whose compensated value reaches the target…
        int low = 0, high = steps - 1;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (compensate(mid * step) >= target)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        // …or the one before it, whichever is nearer.
        if (low > 0 && Math.Abs(compensate((low - 1) * step) - target) <= Math.Abs(compensate(low * step) - target))
        {
            low--;
        }

        return low * step;
    }

    private int Raw20(byte msbRegister) =>
        (_registers[msbRegister] << 12) | (_registers[msbRegister + 1] << 4) | (_registers[msbRegister + 2] >> 4);

    /// <summary>§5.4.7, §5.4.8: msb = raw[19:12], lsb = raw[11:4], xlsb[7:4] = raw[3:0].</summary>
    private void PutRaw20(byte msbRegister, int raw)
    {
        _registers[msbRegister] = (byte)(raw >> 12);
        _registers[msbRegister + 1] = (byte)(raw >> 4);
        _registers[msbRegister + 2] = (byte)((raw & 0xF) << 4);
    }

    /// <summary>§4.2.2, table 16: 16-bit words little-endian; dig_H4 and dig_H5 share 0xE5 as 12-bit values.</summary>
    private void WriteTrimming()
    {
        var t = Trimming;
        ReadOnlySpan<int> words = [t.T1, t.T2, t.T3, t.P1, t.P2, t.P3, t.P4, t.P5, t.P6, t.P7, t.P8, t.P9];
        for (var i = 0; i < words.Length; i++)
        {
            _registers[RegisterTrimmingLow + (2 * i)] = (byte)words[i];
            _registers[RegisterTrimmingLow + (2 * i) + 1] = (byte)(words[i] >> 8);
        }

        _registers[RegisterH1] = t.H1;
        _registers[0xE1] = (byte)t.H2;
        _registers[0xE2] = (byte)(t.H2 >> 8);
        _registers[0xE3] = t.H3;
        _registers[0xE4] = (byte)(t.H4 >> 4);                          // dig_H4[11:4]
        _registers[0xE5] = (byte)((t.H4 & 0x0F) | ((t.H5 & 0x0F) << 4)); // dig_H4[3:0] | dig_H5[3:0] << 4
        _registers[0xE6] = (byte)(t.H5 >> 4);                          // dig_H5[11:4]
        _registers[0xE7] = (byte)t.H6;
    }
}
