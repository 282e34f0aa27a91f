namespace Ambient.Firmware.Simulator.Hardware;

/// <summary>Thrown by simulated hardware at the instant power is lost; the household treats it as a power-on next.</summary>
public sealed class PowerCutException : Exception
{
    public PowerCutException()
        : base("Simulated power cut")
    {
    }

    public PowerCutException(string message)
        : base(message)
    {
    }

    public PowerCutException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
