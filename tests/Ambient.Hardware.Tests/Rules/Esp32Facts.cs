namespace Ambient.Hardware.Tests.Rules;

/// <summary>
/// Facts about the ESP32 (original, Xtensa LX6) pins, from Espressif's ESP32 datasheet (§2.2 pin description, §4.1.2
/// RTC IO, strapping pins §2.4), the ESP32-WROOM-32E / WROVER-E module datasheets, and nanoFramework's ESP32 ADC
/// channel map (shared/reference/nanoframework.md §4.5).
/// </summary>
internal static class Esp32Facts
{
    /// <summary>GPIOs that exist on the ESP32 (20, 24, 28-31 do not).</summary>
    public static readonly IReadOnlySet<int> Gpios = new HashSet<int>(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 25, 26, 27, 32, 33, 34, 35, 36, 37, 38, 39]);

    /// <summary>Wired to the module's SPI flash: unusable.</summary>
    public static readonly IReadOnlySet<int> FlashPins = new HashSet<int>([6, 7, 8, 9, 10, 11]);

    /// <summary>Wired to the PSRAM on WROVER modules: unusable there.</summary>
    public static readonly IReadOnlySet<int> PsramPins = new HashSet<int>([16, 17]);

    /// <summary>UART0 TX/RX: nanoFramework's debug and deployment link.</summary>
    public static readonly IReadOnlySet<int> Uart0Pins = new HashSet<int>([1, 3]);

    /// <summary>Sampled at reset to choose boot mode, flash voltage and timing.</summary>
    public static readonly IReadOnlySet<int> StrappingPins = new HashSet<int>([0, 2, 5, 12, 15]);

    /// <summary>No output driver, no pull resistors.</summary>
    public static readonly IReadOnlySet<int> InputOnlyPins = new HashSet<int>([34, 35, 36, 37, 38, 39]);

    /// <summary>RTC GPIOs: the only pins that can wake the chip from deep sleep (ext0/ext1).</summary>
    public static readonly IReadOnlySet<int> RtcPins = new HashSet<int>([0, 2, 4, 12, 13, 14, 15, 25, 26, 27, 32, 33, 34, 35, 36, 37, 38, 39]);

    /// <summary>nanoFramework ADC channel → GPIO. Channels 0-7 are ADC1; 10-19 are ADC2, unusable while Wi-Fi is on.</summary>
    public static readonly IReadOnlyDictionary<int, int> AdcChannelGpio = new Dictionary<int, int>
    {
        [0] = 36, [1] = 37, [2] = 38, [3] = 39, [4] = 32, [5] = 33, [6] = 34, [7] = 35,
        [10] = 4, [11] = 0, [12] = 2, [13] = 15, [14] = 13, [15] = 12, [16] = 14, [17] = 27, [18] = 25, [19] = 26,
    };

    public const int LastAdc1Channel = 7;

    /// <summary>Touch pad number → GPIO (T0-T9).</summary>
    public static readonly IReadOnlyDictionary<int, int> TouchPadGpio = new Dictionary<int, int>
    {
        [0] = 4, [1] = 0, [2] = 2, [3] = 15, [4] = 13, [5] = 12, [6] = 14, [7] = 27, [8] = 33, [9] = 32,
    };

    /// <summary>Roles that drive the pin (an output, a bus clock or data line the ESP32 drives).</summary>
    public static bool Drives(string role, string? signal) =>
        role is "output" or "power-switch" or "i2c"
        || (role == "spi" && signal is not "MISO")
        || (role == "i2s" && signal is not ("MDATA_IN" or "DATA_IN"));
}
