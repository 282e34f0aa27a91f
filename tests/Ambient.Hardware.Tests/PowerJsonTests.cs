using Ambient.Hardware.Tests.Model;
using Ambient.Hardware.Tests.Rules;

namespace Ambient.Hardware.Tests;

/// <summary>power.json gives the simulator a current for every PowerState the apps can report.</summary>
public sealed class PowerJsonTests
{
    [Theory]
    [MemberData(nameof(Devices))]
    public void Power_json_has_a_plausible_current_for_every_PowerState(string device)
    {
        var file = PowerFile.Load(Device.Named(device).PowerJsonPath);

        Assert.Empty(PowerRules.Check(file, PowerStates.Names(), device));
    }

    [Fact]
    public void The_PowerState_names_are_read_from_the_firmware_source()
    {
        Assert.Equal(
            ["DeepSleep", "LightSleep", "Cpu", "Sensing", "WifiConnect", "Radio", "DisplayRefresh", "AudioCapture", "AudioPlayback"],
            PowerStates.Names());
    }

    [Fact]
    public void A_missing_or_unknown_power_state_is_reported()
    {
        var file = PowerFile.Load(Device.Planter.PowerJsonPath);
        var currents = file.CurrentsMilliamps.Where(c => c.Key != "Radio").ToDictionary(c => c.Key, c => c.Value);
        currents["Transmit"] = 200;

        var problems = PowerRules.Check(file with { CurrentsMilliamps = currents }, PowerStates.Names(), "planter");

        Assert.Equal(["no current for PowerState.Radio", "'Transmit' is not a PowerState"], problems);
    }

    [Fact]
    public void A_deep_sleep_current_above_another_state_is_reported()
    {
        var file = PowerFile.Load(Device.Planter.PowerJsonPath);
        var currents = file.CurrentsMilliamps.ToDictionary(c => c.Key, c => c.Value);
        currents["DeepSleep"] = 60;

        Assert.Contains("DeepSleep must be the smallest current", PowerRules.Check(file with { CurrentsMilliamps = currents }, PowerStates.Names(), "planter"));
    }

    public static TheoryData<string> Devices => Device.Names;
}
