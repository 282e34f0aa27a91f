using Ambient.Hardware.Tests.Model;
using Ambient.Hardware.Tests.Rules;

namespace Ambient.Hardware.Tests;

/// <summary>Every pins.json follows the ESP32's electrical rules; each rule is shown to fail on a planted mistake.</summary>
public sealed class PinsJsonTests
{
    [Theory]
    [MemberData(nameof(Devices))]
    public void Pins_json_follows_the_ESP32_pin_rules(string device)
    {
        var file = PinsFile.Load(Device.Named(device).PinsJsonPath);

        Assert.Equal(device, file.Device);
        Assert.Empty(PinsRules.Check(file));
    }

    [Theory]
    [MemberData(nameof(Devices))]
    public void Every_device_with_wifi_reads_its_analog_inputs_on_ADC1(string device)
    {
        var file = PinsFile.Load(Device.Named(device).PinsJsonPath);

        Assert.True(file.Wifi);
        Assert.All(file.Pins.Where(p => p.Role == "adc"), p => Assert.InRange(p.AdcChannel!.Value, 0, Esp32Facts.LastAdc1Channel));
    }

    [Fact]
    public void A_gpio_used_twice_is_reported()
    {
        var planter = Planter();
        var led = planter.Pins.Single(p => p.Name == "StatusLed");

        var problems = PinsRules.Check(planter with { Pins = [.. planter.Pins.Where(p => p != led), led with { Gpio = 25 }] });

        Assert.Contains("GPIO25 is used by SoilPower, StatusLed; a shared bus lists its pins once", problems);
    }

    [Fact]
    public void An_ADC2_channel_on_a_wifi_device_is_reported()
    {
        var problems = PinsRules.Check(WithPin(Planter(), "SoilAdc", p => p with { Gpio = 27, AdcChannel = 17 }));

        Assert.Contains("SoilAdc (GPIO27): ADC channel 17 is on ADC2, which cannot be read while Wi-Fi is on", problems);
    }

    [Fact]
    public void An_ADC_channel_on_the_wrong_gpio_is_reported()
    {
        var problems = PinsRules.Check(WithPin(Planter(), "SoilAdc", p => p with { AdcChannel = 7 }));

        Assert.Contains("SoilAdc (GPIO34): ADC channel 7 is not on this GPIO", problems);
    }

    [Fact]
    public void A_wake_pin_that_is_not_an_RTC_gpio_is_reported()
    {
        var problems = PinsRules.Check(WithPin(Magnet(), "Pir", p => p with { Gpio = 5, StrappingJustification = "planted" }));

        Assert.Contains("wake by Presence: GPIO5 is not an RTC GPIO, so it cannot wake the chip", problems);
    }

    [Fact]
    public void A_strapping_pin_without_a_justification_is_reported_and_one_with_a_justification_is_accepted()
    {
        var unjustified = PinsRules.Check(WithPin(Planter(), "StatusLed", p => p with { Gpio = 2 }));
        var justified = PinsRules.Check(WithPin(Planter(), "StatusLed", p => p with { Gpio = 2, StrappingJustification = "LED to GND keeps GPIO2 low at reset, as the boot ROM wants" }));

        Assert.Contains("StatusLed (GPIO2): strapping pin without a strappingJustification", unjustified);
        Assert.Empty(justified);
    }

    [Fact]
    public void A_PSRAM_pin_on_a_WROVER_is_reported()
    {
        var problems = PinsRules.Check(WithPin(Magnet(), "EpdReset", p => p with { Gpio = 16 }));

        Assert.Contains("EpdReset (GPIO16): wired to the PSRAM on ESP32-WROVER-E-N4R8", problems);
    }

    [Fact]
    public void An_output_on_an_input_only_pin_is_reported()
    {
        var problems = PinsRules.Check(WithPin(Planter(), "SoilPower", p => p with { Gpio = 36 }));

        Assert.Contains("SoilPower (GPIO36): input-only pin used as an output (power-switch)", problems);
    }

    [Fact]
    public void A_touch_pad_on_the_wrong_gpio_is_reported()
    {
        var problems = PinsRules.Check(WithPin(Magnet(), "TouchPad", p => p with { TouchPad = 8 }));

        Assert.Contains("TouchPad (GPIO32): touch pad T8 is not on this GPIO", problems);
    }

    [Fact]
    public void Two_I2C_devices_at_one_address_are_reported()
    {
        var planter = Planter();
        var bus = planter.Buses.Single();

        var problems = PinsRules.Check(planter with { Buses = [bus with { Devices = [.. bus.Devices, new BusDevice("Sht31b", 0x44)] }] });

        Assert.Contains("I2c1: Sht31, Sht31b share address 0x44", problems);
    }

    public static TheoryData<string> Devices => Device.Names;

    private static PinsFile Planter() => PinsFile.Load(Device.Planter.PinsJsonPath);

    private static PinsFile Magnet() => PinsFile.Load(Device.FridgeMagnet.PinsJsonPath);

    private static PinsFile WithPin(PinsFile file, string name, Func<PinEntry, PinEntry> change) =>
        file with { Pins = [.. file.Pins.Select(p => p.Name == name ? change(p) : p)] };
}
