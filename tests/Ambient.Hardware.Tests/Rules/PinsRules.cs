using Ambient.Hardware.Tests.Model;

namespace Ambient.Hardware.Tests.Rules;

/// <summary>The electrical sanity rules every pins.json must follow; each broken rule is one line of text.</summary>
internal static class PinsRules
{
    private static readonly HashSet<string> Roles = ["adc", "input", "output", "power-switch", "i2c", "spi", "i2s", "touch"];

    public static IReadOnlyList<string> Check(PinsFile file)
    {
        var problems = new List<string>();
        foreach (var pin in file.Pins)
        {
            CheckPin(file, pin, problems);
        }

        foreach (var group in file.Pins.GroupBy(p => p.Gpio).Where(g => g.Count() > 1))
        {
            problems.Add($"GPIO{group.Key} is used by {string.Join(", ", group.Select(p => p.Name))}; a shared bus lists its pins once");
        }

        foreach (var bus in file.Buses)
        {
            var addresses = bus.Devices.Where(d => d.Address is not null).GroupBy(d => d.Address).Where(g => g.Count() > 1);
            foreach (var clash in addresses)
            {
                problems.Add($"{bus.Name}: {string.Join(", ", clash.Select(d => d.Name))} share address 0x{clash.Key:X2}");
            }

            if (bus.Kind == "i2c" && bus.Devices.Any(d => d.Address is null))
            {
                problems.Add($"{bus.Name}: every I2C device needs an address");
            }

            if (!file.Pins.Any(p => p.Bus == bus.Name))
            {
                problems.Add($"{bus.Name} has no pins");
            }
        }

        foreach (var pin in file.Pins.Where(p => p.Bus is not null && file.Buses.All(b => b.Name != p.Bus)))
        {
            problems.Add($"{pin.Name} is on bus {pin.Bus}, which is not declared");
        }

        foreach (var wake in file.Wake)
        {
            CheckWake(file, wake, problems);
        }

        if (file.Wake.Count(w => w.Mode == "ext0") > 1)
        {
            problems.Add("only one ext0 wake pin exists on the ESP32");
        }

        return problems;
    }

    private static void CheckPin(PinsFile file, PinEntry pin, List<string> problems)
    {
        var where = $"{pin.Name} (GPIO{pin.Gpio})";
        if (!Roles.Contains(pin.Role))
        {
            problems.Add($"{where}: unknown role '{pin.Role}'");
        }

        if (!Esp32Facts.Gpios.Contains(pin.Gpio))
        {
            problems.Add($"{where}: the ESP32 has no such GPIO");
        }

        if (Esp32Facts.FlashPins.Contains(pin.Gpio))
        {
            problems.Add($"{where}: wired to the module's SPI flash");
        }

        if (file.Psram && Esp32Facts.PsramPins.Contains(pin.Gpio))
        {
            problems.Add($"{where}: wired to the PSRAM on {file.ModulePart}");
        }

        if (Esp32Facts.Uart0Pins.Contains(pin.Gpio))
        {
            problems.Add($"{where}: UART0 carries nanoFramework's debug and deployment link");
        }

        if (Esp32Facts.StrappingPins.Contains(pin.Gpio) && string.IsNullOrWhiteSpace(pin.StrappingJustification))
        {
            problems.Add($"{where}: strapping pin without a strappingJustification");
        }

        if (Esp32Facts.InputOnlyPins.Contains(pin.Gpio) && Esp32Facts.Drives(pin.Role, pin.Signal))
        {
            problems.Add($"{where}: input-only pin used as an output ({pin.Role})");
        }

        if (pin.Role == "adc")
        {
            CheckAdc(file, pin, where, problems);
        }
        else if (pin.AdcChannel is not null)
        {
            problems.Add($"{where}: has an adcChannel but its role is {pin.Role}");
        }

        if (pin.Role == "touch")
        {
            if (pin.TouchPad is not { } pad || !Esp32Facts.TouchPadGpio.TryGetValue(pad, out var gpio) || gpio != pin.Gpio)
            {
                problems.Add($"{where}: touch pad T{pin.TouchPad} is not on this GPIO");
            }
        }

        if (pin.Role is "i2c" or "spi" or "i2s" && pin.Bus is null)
        {
            problems.Add($"{where}: a {pin.Role} pin must name its bus");
        }
    }

    private static void CheckAdc(PinsFile file, PinEntry pin, string where, List<string> problems)
    {
        if (pin.AdcChannel is not { } channel)
        {
            problems.Add($"{where}: an ADC pin needs its adcChannel");
            return;
        }

        if (!Esp32Facts.AdcChannelGpio.TryGetValue(channel, out var gpio) || gpio != pin.Gpio)
        {
            problems.Add($"{where}: ADC channel {channel} is not on this GPIO");
        }

        if (file.Wifi && channel > Esp32Facts.LastAdc1Channel)
        {
            problems.Add($"{where}: ADC channel {channel} is on ADC2, which cannot be read while Wi-Fi is on");
        }
    }

    private static void CheckWake(PinsFile file, WakeSource wake, List<string> problems)
    {
        if (wake.Mode == "timer")
        {
            return;
        }

        var pin = file.Pins.FirstOrDefault(p => p.Name == wake.Pin);
        if (pin is null)
        {
            problems.Add($"wake by {wake.Cause}: pin '{wake.Pin}' is not in pins");
            return;
        }

        switch (wake.Mode)
        {
            case "ext0":
                if (!Esp32Facts.RtcPins.Contains(pin.Gpio))
                {
                    problems.Add($"wake by {wake.Cause}: GPIO{pin.Gpio} is not an RTC GPIO, so it cannot wake the chip");
                }

                if (wake.Level is not (0 or 1))
                {
                    problems.Add($"wake by {wake.Cause}: ext0 needs a level of 0 or 1");
                }

                break;
            case "touchpad":
                if (pin.Role != "touch")
                {
                    problems.Add($"wake by {wake.Cause}: {pin.Name} is not a touch pad");
                }

                break;
            default:
                problems.Add($"wake by {wake.Cause}: unknown mode '{wake.Mode}'");
                break;
        }

    }
}
