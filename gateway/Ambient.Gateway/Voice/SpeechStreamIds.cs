namespace Ambient.Gateway.Voice;

/// <summary>
/// Ids for downlink speech streams. The earbud treats a chunk with the id of the stream it just played as a late
/// copy of it, so consecutive streams must differ; seeded from the clock so a restarted gateway does not start
/// again at the id the earbud played last. Never 0.
/// </summary>
public static class SpeechStreamIds
{
    private static int _next = (int)(DateTimeOffset.UtcNow.ToUnixTimeSeconds() & 0x7FFF);

    public static ushort Next()
    {
        while (true)
        {
            var id = (ushort)Interlocked.Increment(ref _next);
            if (id != 0)
            {
                return id;
            }
        }
    }
}
