using System.Text.RegularExpressions;
using Ambient.Hardware.Tests.Model;

namespace Ambient.Hardware.Tests;

/// <summary>wiring.md is derived from pins.json: every pin appears in it, with its name and GPIO on one line.</summary>
public sealed partial class WiringDocTests
{
    [Theory]
    [MemberData(nameof(Devices))]
    public void Wiring_md_names_every_pin_of_pins_json_with_its_gpio(string device)
    {
        var file = PinsFile.Load(Device.Named(device).PinsJsonPath);
        var lines = File.ReadAllLines(RepoRoot.Combine("hardware", device, "wiring.md"));

        var missing = file.Pins
            .Where(p => !lines.Any(l => l.Contains($"`{p.Name}`", StringComparison.Ordinal) && GpioToken().Matches(l).Any(m => m.Groups[1].Value == p.Gpio.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .Select(p => $"{p.Name} (GPIO{p.Gpio})");

        Assert.Empty(missing);
    }

    public static TheoryData<string> Devices => Device.Names;

    [GeneratedRegex(@"\bGPIO(\d+)\b")]
    private static partial Regex GpioToken();
}
