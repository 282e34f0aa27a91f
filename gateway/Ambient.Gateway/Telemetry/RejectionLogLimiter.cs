using System.Collections.Concurrent;

namespace Ambient.Gateway.Telemetry;

/// <summary>
/// At most one rejected-frame log line per device per <see cref="Window"/>: a device replaying a corrupt flash page
/// (or an attacker) must not flood the journal of a Pi's SD card. Every rejection is still counted
/// (<see cref="IngestCounters"/>); the next line that is written says how many were left out.
/// </summary>
public sealed class RejectionLogLimiter(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, State> _devices = new(StringComparer.Ordinal);

    /// <summary>True when this rejection may be logged; <paramref name="suppressed"/> is how many were not since the last line.</summary>
    public bool ShouldLog(string? deviceId, out int suppressed)
    {
        var now = time.GetUtcNow();
        var state = _devices.GetOrAdd(deviceId ?? "", _ => new State());
        lock (state)
        {
            if (state.LastLogged is { } last && now - last < Window)
            {
                state.Suppressed++;
                suppressed = 0;
                return false;
            }

            suppressed = state.Suppressed;
            state.Suppressed = 0;
            state.LastLogged = now;
            return true;
        }
    }

    private sealed class State
    {
        public DateTimeOffset? LastLogged { get; set; }

        public int Suppressed { get; set; }
    }
}
