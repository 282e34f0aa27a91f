namespace Ambient.Firmware.Simulator.Hardware;

/// <summary>
/// Maps virtual time to wall time for a run at <see cref="Speed"/>× (0 = as fast as possible). Waits for network
/// answers are scaled too, but never shorter than a floor a local broker comfortably answers within: short waits
/// (draining queued downlinks) get a short floor, waits for an answer to a request (a greeting) a longer one.
/// </summary>
public sealed class Pacing(double speed)
{
    private const int ShortFloorMilliseconds = 50;
    private const int AnswerFloorMilliseconds = 500;
    private const int AnswerWaitMilliseconds = 2000;

    public double Speed { get; } = speed;

    public TimeSpan RealWait(int virtualMilliseconds)
    {
        var scaled = Speed <= 0 ? 0 : virtualMilliseconds / Speed;
        var floor = virtualMilliseconds >= AnswerWaitMilliseconds ? AnswerFloorMilliseconds : ShortFloorMilliseconds;
        return TimeSpan.FromMilliseconds(Math.Clamp(scaled, Math.Min(floor, virtualMilliseconds), Math.Max(virtualMilliseconds, floor)));
    }

    /// <summary>How long to wait in real time before running something <paramref name="virtualAhead"/> in the future.</summary>
    public TimeSpan RealDelay(TimeSpan virtualAhead) =>
        Speed <= 0 || virtualAhead <= TimeSpan.Zero ? TimeSpan.Zero : virtualAhead / Speed;
}
