namespace Ambient.Language;

/// <summary>
/// Weather clauses (lower-case fragments without an end mark; the composer makes sentences of them). The "now"
/// clause is the one the morning must say; the rest are optional colour, chosen by sky, temperature band, rain
/// chance and whether the forecast is stale.
/// </summary>
internal static class WeatherPhrases
{
    public static readonly string[] Now =
    [
        "it's <temp_now> and <condition>", "<temp_now> and <condition> right now", "<temp_now> outside, <condition>",
        "right now it's <temp_now> with <condition>", "outside it's <temp_now> and <condition>",
        "the weather: <temp_now> and <condition>", "currently <temp_now> with <condition>", "it's <temp_now> out there, <condition>", "<temp_now> at the moment, <condition>",
    ];

    public static readonly string[] NowShort = ["it's <temp_now> out", "<temp_now> outside", "<temp_now> right now", "it's <temp_now> outside"];

    // A stale forecast is said as such: the household should not dress for weather the gateway cannot see.
    public static readonly string[] NowStale =
    [
        "<temp_now> and <condition> by the last forecast", "the last forecast said <temp_now> and <condition>",
        "going by an older forecast, <temp_now> and <condition>", "<temp_now>, <condition> (older forecast)",
    ];

    public static readonly string[] NowStaleShort = ["<temp_now> (older forecast)", "<temp_now> by the last forecast"];

    public static readonly string[] Range =
    [
        "<temp_low> to <temp_high> today", "a high of <temp_high>", "up to <temp_high> later", "between <temp_low> and <temp_high> today",
        "topping out at <temp_high>",
    ];

    public static readonly string[] High = ["a high of <temp_high>", "up to <temp_high> later", "topping out at <temp_high>"];

    public static readonly string[] Tonight =
    [
        "down to <temp_low> tonight", "a low of <temp_low> tonight", "<temp_low> overnight", "it drops to <temp_low> tonight",
        "tonight gets down to <temp_low>",
    ];

    public static readonly string[] TonightStale = ["down to <temp_low> tonight by the last forecast", "the last forecast says <temp_low> tonight"];

    public static readonly string[] RainLikely =
    [
        "<rain_chance> chance of rain", "rain is likely later, <rain_chance>", "a <rain_chance> chance of showers",
        "<rain_chance> chance of rain, so an umbrella may help",
    ];

    public static readonly string[] RainUnlikely = ["only a <rain_chance> chance of rain", "rain looks unlikely at <rain_chance>"];

    public static readonly string[] Indoor = ["<indoor_temp> inside", "<indoor_temp> indoors", "a cosy <indoor_temp> inside", "it's <indoor_temp> in here"];

    public static IReadOnlyList<string> Sky(Sky sky) => sky switch
    {
        Language.Sky.Clear => ["a clear sky today", "nice and clear out", "clear skies for now"],
        Language.Sky.Cloudy => ["a grey one today", "cloudy but dry", "plenty of cloud around"],
        Language.Sky.Fog => ["foggy out, so take it slow on the road", "a misty start", "fog about, so go gently"],
        Language.Sky.Drizzle => ["a light jacket might help", "a bit damp out", "an umbrella may be handy"],
        Language.Sky.Rain => ["take an umbrella", "an umbrella would help", "a wet one, so keep a coat close"],
        Language.Sky.FreezingRain => ["the paths may be icy, so step carefully", "icy rain about, so take care outside", "slippery out there"],
        Language.Sky.Snow => ["snow about, so wrap up warm", "a snowy one", "boots weather"],
        Language.Sky.Thunderstorm => ["storms around, so indoors is nicer", "thunder about, so stay dry", "a stormy one, so an umbrella is wise"],
        _ => [],
    };

    public static IReadOnlyList<string> Band(TemperatureBand band) => band switch
    {
        TemperatureBand.Freezing => ["bundle up", "wrap up warm", "a scarf and gloves kind of day", "properly cold out"],
        TemperatureBand.Cold => ["a coat would be good", "a bit chilly", "a jumper kind of day"],
        TemperatureBand.Mild => ["pleasant enough", "mild out", "a gentle sort of day"],
        TemperatureBand.Warm => ["a nice warm one", "warm out there", "light layers will do"],
        TemperatureBand.Hot => ["stay cool and keep water close", "a hot one, so find some shade", "very warm out"],
        _ => [],
    };
}
