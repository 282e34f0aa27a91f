using System.ComponentModel.DataAnnotations;

namespace Ambient.Gateway.Voice;

/// <summary>"Voice" section: the speech synthesizer, how speech is streamed to earbuds, and how uplink audio is put together.</summary>
public sealed class VoiceOptions
{
    public const string Section = "Voice";

    /// <summary>Speak reminders and answers on earbuds. Off: nothing is synthesized or sent.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The espeak-ng program (Debian package espeak-ng): a name on PATH or an absolute path.</summary>
    [Required(ErrorMessage = "Voice:EspeakPath is required")]
    public string EspeakPath { get; set; } = "espeak-ng";

    /// <summary>espeak-ng voice (-v), e.g. en-us, en-gb, en-us+f3; letters, digits, '-', '+', '_' and '/' only.</summary>
    [Required(ErrorMessage = "Voice:Voice is required")]
    [RegularExpression("^[A-Za-z0-9_+/-]{1,40}$", ErrorMessage = "Voice:Voice must be an espeak-ng voice name such as en-us or en-us+f3")]
    public string Voice { get; set; } = "en-us";

    /// <summary>Speaking rate (-s), words per minute.</summary>
    [Range(80, 450, ErrorMessage = "Voice:WordsPerMinute must be between 80 and 450")]
    public int WordsPerMinute { get; set; } = 165;

    /// <summary>Pitch (-p), 0–99 (50 is the voice's normal pitch).</summary>
    [Range(0, 99, ErrorMessage = "Voice:Pitch must be between 0 and 99")]
    public int Pitch { get; set; } = 50;

    /// <summary>Amplitude (-a), 0–200 (100 is espeak-ng's default).</summary>
    [Range(10, 200, ErrorMessage = "Voice:Amplitude must be between 10 and 200")]
    public int Amplitude { get; set; } = 100;

    /// <summary>How long one synthesis may take before the process is killed and the speech counted as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Voice:SynthesisTimeout must be between 100 ms and 1 minute")]
    public TimeSpan SynthesisTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest text spoken (characters); longer text is refused rather than cut mid-word.</summary>
    [Range(1, 2000, ErrorMessage = "Voice:MaxTextCharacters must be between 1 and 2000")]
    public int MaxTextCharacters { get; set; } = 600;

    /// <summary>
    /// Audio per downlink chunk. 100 ms is 800 bytes of ADPCM: a lost chunk costs a tenth of a second, and the
    /// ~70 bytes of frame and MQTT overhead per chunk add under 9 %. At most 380 ms (3,040 bytes; a frame carries 3,072).
    /// </summary>
    [Range(20, 380, ErrorMessage = "Voice:ChunkMilliseconds must be between 20 and 380")]
    public int ChunkMilliseconds { get; set; } = 100;

    /// <summary>
    /// How far ahead of real-time playback the stream may run. Chunks within the lead go out at once (a sentence
    /// usually fits, so it is sent in one burst); later ones are paced so the broker's per-client queue
    /// (Broker:MaxPendingMessagesPerClient) and the earbud's RAM never hold more than this.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.300", "00:00:30", ErrorMessage = "Voice:Lead must be between 300 ms and 30 s")]
    public TimeSpan Lead { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>How long sent chunks are kept to answer an earbud's re-request of one it missed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Voice:ResendWindow must be between 1 s and 10 min")]
    public TimeSpan ResendWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An uplink stream with no new chunk for this long is finished with what arrived (gaps as silence).</summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:01:00", ErrorMessage = "Voice:UplinkTimeout must be between 200 ms and 1 minute")]
    public TimeSpan UplinkTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Longest uplink utterance kept (the earbud's gate closes after 10 s); chunks beyond are dropped and counted.</summary>
    [Range(1, 120, ErrorMessage = "Voice:MaxUplinkSeconds must be between 1 and 120")]
    public int MaxUplinkSeconds { get; set; } = 15;
}
