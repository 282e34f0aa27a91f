namespace Ambient.Firmware.Simulator.Hardware;

/// <summary>
/// Maps virtual time to wall time for a run at <see cref="Speed"/>× (0 = as fast as possible). Waits for network
/// answers are scaled too, but never shorter than a floor that a local broker comfortably answers within.
/// </summary>
public sealed class Pacing(double speed)
{
    private const int MinimumRealWaitMilliseconds = 25;

    public double Speed { get; } = speed;

    public TimeSpan RealWait(int virtualMilliseconds)
    {
        var scaled = Speed <= 0 ? 0 : virtualMilliseconds / Speed;
        return TimeSpan.FromMilliseconds(Math.Clamp(scaled, MinimumRealWaitMilliseconds, Math.Max(virtualMilliseconds, MinimumRealWaitMilliseconds)));
    }

    /// <summary>How long to wait in real time before running something <paramref name="virtualAhead"/> in the future.</summary>
    public TimeSpan RealDelay(TimeSpan virtualAhead) =>
        Speed <= 0 || virtualAhead <= TimeSpan.Zero ? TimeSpan.Zero : virtualAhead / Speed;
}
