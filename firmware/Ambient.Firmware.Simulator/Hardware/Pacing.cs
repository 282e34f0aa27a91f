namespace Ambient.Firmware.Simulator.Hardware;

/// <summary>
/// Maps virtual time to wall time for a run at <see cref="Speed"/>× (0 = as fast as possible). Waits for network
/// answers are scaled too, but never shorter than a floor a local broker comfortably answers within: a wait of a
/// few seconds is a device waiting for the answer to its request (a greeting) and gets a generous floor; short
/// waits (draining queued downlinks) and long idle listening get a short one.
/// </summary>
public sealed class Pacing(double speed)
{
    private const int ShortFloorMilliseconds = 30;
    private const int AnswerFloorMilliseconds = 1000;
    private const int AnswerWaitFrom = 2000;
    private const int AnswerWaitTo = 10000;

    public double Speed { get; } = speed;

    public TimeSpan RealWait(int virtualMilliseconds)
    {
        var scaled = Speed <= 0 ? 0 : virtualMilliseconds / Speed;
        var floor = virtualMilliseconds is >= AnswerWaitFrom and <= AnswerWaitTo ? AnswerFloorMilliseconds : ShortFloorMilliseconds;
        return TimeSpan.FromMilliseconds(Math.Clamp(scaled, Math.Min(floor, virtualMilliseconds), Math.Max(virtualMilliseconds, floor)));
    }

    /// <summary>Virtual time that passes in <paramref name="real"/> wall time (none when running as fast as possible).</summary>
    public TimeSpan VirtualElapsed(TimeSpan real) => Speed <= 0 || real <= TimeSpan.Zero ? TimeSpan.Zero : real * Speed;

    /// <summary>How long to wait in real time before running something <paramref name="virtualAhead"/> in the future.</summary>
    public TimeSpan RealDelay(TimeSpan virtualAhead) =>
        Speed <= 0 || virtualAhead <= TimeSpan.Zero ? TimeSpan.Zero : virtualAhead / Speed;
}
