namespace Ambient.Language;

/// <summary>
/// Weather clauses (lower-case fragments without an end mark; the composer makes sentences of them). The "now"
/// clause is the one the morning must say; the rest are optional colour, chosen by sky, temperature band, rain
/// chance and whether the forecast is stale. Many wordings each, best-liked first: the model learns its variety here.
/// </summary>
internal static class WeatherPhrases
{
    public static readonly string[] Now =
    [
        "it's <temp_now> and <condition>", "<temp_now> and <condition> right now", "<temp_now> outside, <condition>",
        "right now it's <temp_now> with <condition>", "outside it's <temp_now> and <condition>",
        "the weather: <temp_now> and <condition>", "currently <temp_now> with <condition>", "it's <temp_now> out there, <condition>",
        "<temp_now> at the moment, <condition>", "expect <condition> and <temp_now> for now", "out the window, <condition> and <temp_now>",
        "we have <condition> and <temp_now>", "the sky says <condition>, the air <temp_now>", "a <temp_now> start with <condition>",
        "out there: <condition>, <temp_now>", "so far <condition> at <temp_now>", "it's looking like <condition> at <temp_now>",
        "the thermometer reads <temp_now>, with <condition>", "a look outside: <temp_now> and <condition>",
        "<temp_now> on the porch and <condition>",
        .. Cross(
            ["right now", "currently", "at the moment", "so far", "for now", "as things stand", "outside", "out there", "just now",
                "as of now", "at present", "out front", "beyond the window"],
            ["<temp_now> and <condition>", "<condition> and <temp_now>", "<temp_now> with <condition>", "<condition> at <temp_now>",
                "<condition>, <temp_now>", "<temp_now>, <condition>", "<condition> with the air at <temp_now>",
                "<condition> and a temperature of <temp_now>", "a mix of <condition> and <temp_now>"]),
    ];

    public static readonly string[] NowShort =
    [
        "it's <temp_now> out", "<temp_now> outside", "<temp_now> right now", "it's <temp_now> outside", "currently <temp_now>",
        "the air is <temp_now>", "<temp_now> out there", "a <temp_now> start", "the thermometer says <temp_now>",
        "<temp_now> at the moment",
        .. Cross(
            ["right now", "currently", "at the moment", "so far", "for now", "outside", "out there", "just now", "at present", "out front"],
            ["<temp_now>", "a temperature of <temp_now>", "<temp_now> by the thermometer", "<temp_now> in the air"]),
    ];

    // A stale forecast is said as such: the household should not dress for weather the gateway cannot see.
    public static readonly string[] NowStale =
    [
        "<temp_now> and <condition> by the last forecast", "the last forecast said <temp_now> and <condition>",
        "going by an older forecast, <temp_now> and <condition>", "<temp_now>, <condition> (older forecast)",
        "an older forecast had <temp_now> and <condition>", "the last forecast we had: <temp_now>, <condition>",
    ];

    public static readonly string[] NowStaleShort =
    [
        "<temp_now> (older forecast)", "<temp_now> by the last forecast", "<temp_now> going by the last forecast", "an older forecast said <temp_now>",
    ];

    public static readonly string[] Range =
    [
        "<temp_low> to <temp_high> today", "a high of <temp_high>", "up to <temp_high> later", "between <temp_low> and <temp_high> today",
        "topping out at <temp_high>", "climbing to <temp_high> by afternoon", "a range of <temp_low> to <temp_high>",
        "warming to <temp_high> later on", "no higher than <temp_high>", "the day peaks near <temp_high>",
        "somewhere between <temp_low> and <temp_high>", "lows of <temp_low>, highs of <temp_high>", "a top of <temp_high> today",
        "reaching <temp_high> at best", "nudging <temp_high> by lunch", "a ceiling of <temp_high> today",
        "rising towards <temp_high>", "the warmest it gets is <temp_high>", "a peak of <temp_high>", "heading for <temp_high> later",
        "<temp_low> at the coolest, <temp_high> at the warmest", "from <temp_low> up to <temp_high>", "edging up to <temp_high>",
    ];

    public static readonly string[] High = ["a high of <temp_high>", "up to <temp_high> later", "topping out at <temp_high>"];

    public static readonly string[] Tonight =
    [
        "down to <temp_low> tonight", "a low of <temp_low> tonight", "<temp_low> overnight", "it drops to <temp_low> tonight",
        "tonight gets down to <temp_low>", "a cool <temp_low> after dark", "overnight it dips to <temp_low>",
        "the night bottoms out at <temp_low>", "expect <temp_low> later tonight", "<temp_low> by the small hours",
        "the temperature slides to <temp_low> tonight", "around <temp_low> once it's dark", "a chilly-ish <temp_low> later",
        "the evening cools to <temp_low>", "<temp_low> while you sleep", "a night low near <temp_low>", "sinking to <temp_low> overnight",
    ];

    public static readonly string[] TonightStale =
    [
        "down to <temp_low> tonight by the last forecast", "the last forecast says <temp_low> tonight",
        "an older forecast had <temp_low> overnight", "<temp_low> tonight, going by the last forecast",
    ];

    public static readonly string[] RainLikely =
    [
        "<rain_chance> chance of rain", "rain is likely later, <rain_chance>", "a <rain_chance> chance of showers",
        "<rain_chance> chance of rain, so an umbrella may help", "showers look likely at <rain_chance>",
        "the rain chance sits at <rain_chance>", "a good <rain_chance> chance of getting wet", "rain odds of <rain_chance>",
        "<rain_chance> for rain, so a hood is handy", "wet spells likely, <rain_chance>", "the rain odds stand at <rain_chance>",
        "more rain likely, about <rain_chance>", "a soggy <rain_chance> chance of rain", "likely showers, <rain_chance> odds",
    ];

    public static readonly string[] RainUnlikely =
    [
        "only a <rain_chance> chance of rain", "rain looks unlikely at <rain_chance>", "just <rain_chance> for rain",
        "a slim <rain_chance> chance of showers",
    ];

    public static readonly string[] Indoor =
    [
        "<indoor_temp> inside", "<indoor_temp> indoors", "a cosy <indoor_temp> inside", "it's <indoor_temp> in here",
        "the house sits at <indoor_temp>", "<indoor_temp> in the living room", "indoors it's <indoor_temp>", "a snug <indoor_temp> at home",
    ];

    // "right now" × "<temp_now> with <condition>" → "right now, <temp_now> with <condition>" and "<temp_now> with <condition> right now".
    private static IEnumerable<string> Cross(string[] whens, string[] cores) =>
        whens.SelectMany(w => cores.SelectMany(c => new[] { $"{w}, {c}", $"{c} {w}" }));

    public static IReadOnlyList<string> Sky(Sky sky) => sky switch
    {
        Language.Sky.Clear =>
        [
            "a clear sky today", "nice and clear out", "clear skies for now", "blue sky overhead", "not a cloud about",
            "a bright, clear one", "sunglasses weather",
        ],
        Language.Sky.Cloudy =>
        [
            "a grey one today", "cloudy but dry", "plenty of cloud around", "an overcast sort of day", "soft grey skies",
            "clouds hanging about", "a dull sky, but dry",
        ],
        Language.Sky.Fog =>
        [
            "foggy out, so take it slow on the road", "a misty start", "fog about, so go gently", "low visibility out there",
            "a hazy, murky one", "the fog is thick, so take care",
        ],
        Language.Sky.Drizzle =>
        [
            "a light jacket might help", "a bit damp out", "an umbrella may be handy", "a fine drizzle about",
            "a hood would help", "misty drizzle out there", "soft drizzle on the windows",
        ],
        Language.Sky.Rain =>
        [
            "take an umbrella", "an umbrella would help", "a wet one, so keep a coat close", "grab a raincoat",
            "a brolly would be wise", "waterproofs weather", "boots and a hood kind of day", "puddles ahead",
            "rain on the way, so keep dry", "a coat with a hood is a good call", "wellies would not go amiss",
            "a day for the big umbrella", "the gutters will be busy", "splashy pavements out there", "pack something waterproof",
            "cosy socks and a rain jacket", "keep the hood handy", "drops on the glass all day",
        ],
        Language.Sky.FreezingRain =>
        [
            "the paths may be icy, so step carefully", "icy rain about, so take care outside", "slippery out there",
            "icy underfoot, so go slowly", "grippy shoes would help",
        ],
        Language.Sky.Snow =>
        [
            "snow about, so wrap up warm", "a snowy one", "boots weather", "a white one out there", "snowflakes about",
            "mind the snowy paths",
        ],
        Language.Sky.Thunderstorm =>
        [
            "storms around, so indoors is nicer", "thunder about, so stay dry", "a stormy one, so an umbrella is wise",
            "rumbles in the sky today", "a good day to stay in",
        ],
        _ => [],
    };

    public static IReadOnlyList<string> Band(TemperatureBand band) => band switch
    {
        TemperatureBand.Freezing => ["bundle up", "wrap up warm", "a scarf and gloves kind of day", "properly cold out", "hat and gloves weather", "frosty out"],
        TemperatureBand.Cold =>
        [
            "a coat would be good", "a bit chilly", "a jumper kind of day", "fresh out there", "a nippy one", "layer up",
            "scarf weather", "crisp air about", "brisk out there", "a woolly hat would help", "cool enough for a warm drink",
        ],
        TemperatureBand.Mild => ["pleasant enough", "mild out", "a gentle sort of day", "comfortable out", "neither hot nor cold"],
        TemperatureBand.Warm => ["a nice warm one", "warm out there", "light layers will do", "t-shirt weather", "balmy out"],
        TemperatureBand.Hot => ["stay cool and keep water close", "a hot one, so find some shade", "very warm out", "a scorcher", "sun hat weather"],
        _ => [],
    };
}
