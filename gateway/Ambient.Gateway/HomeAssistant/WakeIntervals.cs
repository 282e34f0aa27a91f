namespace Ambient.Gateway.HomeAssistant;

/// <summary>
/// How often each kind of device reports, for <c>expire_after</c>: three intervals without news and HA shows the
/// values as unavailable (anchors §1.1: HomeButtons uses 660 s for a 10-minute wake). The planter uploads every
/// 2 hours (docs/power.md); the magnet says hello at least every hour; the earbud keeps its connection and sends
/// status every 10 minutes.
/// </summary>
public static class WakeIntervals
{
    public static TimeSpan For(string kind) => kind switch
    {
        "planter" => TimeSpan.FromHours(2),
        "fridge-magnet" => TimeSpan.FromHours(1),
        _ => TimeSpan.FromMinutes(10),
    };

    public static int ExpireAfterSeconds(string kind) => (int)(For(kind) * 3).TotalSeconds;
}
