using Ambient.Hardware.Tests.Model;
using Ambient.Hardware.Tests.Rules;

namespace Ambient.Hardware.Tests;

/// <summary>firmware/Ambient.Firmware.Esp32/Pins/*Pins.cs must say exactly what hardware/*/pins.json says.</summary>
public sealed class PinConstantsTests
{
    [Theory]
    [MemberData(nameof(Devices))]
    public void Firmware_pin_constants_match_pins_json_both_ways(string device)
    {
        var d = Device.Named(device);
        var problems = new List<string>();
        var declared = PinsSource.Constants(File.ReadAllText(d.PinsSourcePath), d.PinsClass, problems);

        problems.AddRange(PinConstantsComparison.Compare(PinsFile.Load(d.PinsJsonPath).ExpectedConstants(), declared));

        Assert.Empty(problems);
    }

    [Fact]
    public void A_constant_that_disagrees_with_pins_json_is_reported()
    {
        var problems = CompareWithPlanter(Planter().Replace("SoilAdcPin = 34", "SoilAdcPin = 36"));

        Assert.Equal(["SoilAdcPin: pins.json says 34, the firmware says 36"], problems);
    }

    [Fact]
    public void A_pins_json_entry_without_a_constant_is_reported()
    {
        var problems = CompareWithPlanter(Planter().Replace("        public const int StatusLedPin = 26;\n", string.Empty));

        Assert.Equal(["pins.json has StatusLedPin = 26 but the firmware declares no such constant"], problems);
    }

    [Fact]
    public void A_constant_without_a_pins_json_entry_is_reported()
    {
        var problems = CompareWithPlanter(Planter().Replace("public const int StatusLedPin = 26;", "public const int StatusLedPin = 26;\n        public const int SpareLedPin = 27;"));

        Assert.Equal(["the firmware declares SpareLedPin but pins.json has no such entry"], problems);
    }

    [Fact]
    public void A_constant_that_is_not_a_literal_is_reported()
    {
        var problems = CompareWithPlanter(Planter().Replace("SoilAdcPin = 34", "SoilAdcPin = 30 + 4"));

        Assert.Contains("PlanterPins.SoilAdcPin must be an integer literal so it can be compared with pins.json", problems);
    }

    [Fact]
    public void Hex_and_negative_literals_are_read_as_their_values()
    {
        var problems = new List<string>();

        var constants = PinsSource.Constants("static class P { const int A = 0x44; const int B = -1; const string C = \"x\"; }", "P", problems);

        Assert.Equal(0x44, constants["A"]);
        Assert.Equal(-1, constants["B"]);
        Assert.Single(problems);
    }

    public static TheoryData<string> Devices => Device.Names;

    private static string Planter() => File.ReadAllText(Device.Planter.PinsSourcePath);

    private static List<string> CompareWithPlanter(string source)
    {
        var problems = new List<string>();
        var declared = PinsSource.Constants(source, "PlanterPins", problems);
        problems.AddRange(PinConstantsComparison.Compare(PinsFile.Load(Device.Planter.PinsJsonPath).ExpectedConstants(), declared));
        return problems;
    }
}
