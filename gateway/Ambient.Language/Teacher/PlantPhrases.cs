namespace Ambient.Language;

/// <summary>
/// Plant clauses per mood ('#' = the plant's number); the variants with moisture or days need that slot. Each mood
/// keeps to its own words (<see cref="PlantMoodCheck"/> flags a clause whose mood word belongs to another mood), so
/// "water" is said only of thirsty or soggy plants and of fine ones that need none. Besides the hand-written clauses,
/// each mood crosses a few verbs with a few wishes or states ("could use" × "a cooler spot") and a few frames that put
/// the name last ("a cooler corner for …"): a report of three plants has hundreds of wordings, not a dozen, which is
/// what distinct-2 over fifty reports of the same plants needs (the model cannot be more varied than its teacher).
/// </summary>
internal static class PlantPhrases
{
    private static readonly string[] Wishing =
        ["would like", "could use", "would love", "is asking for", "is hoping for", "could do with", "would welcome", "is longing for",
            "would really like", "could really use", "would dearly love", "is quietly hoping for", "would appreciate", "would be glad of",
            "would enjoy", "wants", "is after", "would thank you for", "has its heart set on", "would be grateful for", "could benefit from",
            "is keen on", "is wishing for", "would gladly take", "is dreaming of", "would perk up with"];

    // Few of these start with "is": after fifty reports, "<plant> is" was the most repeated bigram of all.
    private static readonly string[] Being =
        ["is", "looks", "seems", "is feeling", "is getting", "seems to be", "feels", "appears", "has gone", "has become", "appears to be",
            "has been", "comes across as", "remains", "sits", "stays"];

    // Said before a state ("a touch dry"): the same few degree words in every report were the next most repeated.
    private static readonly string[] Degrees = ["", "a touch ", "somewhat ", "fairly ", "very ", "noticeably ", "slightly ", "properly ", "rather ", "quite ", "a bit ", "a little "];

    // After the name-last frames: nothing, or a soft ask.
    private static readonly string[] Asks = ["", ", if you can", " would help"];

    private static readonly IReadOnlyList<string> Thirsty = Build(
        [
            "<plant#_name> would like some water", "<plant#_name> is getting thirsty", "<plant#_name> could use a drink",
            "<plant#_name> would like water, it's at <plant#_moisture>", "<plant#_name> is down to <plant#_moisture> moisture",
            "a drink for <plant#_name> would be lovely", "<plant#_name> is dry at <plant#_moisture>", "<plant#_name> is feeling dry",
            "<plant#_name> is ready for a drink", "<plant#_name> would love a sip", "some water for <plant#_name> when you can",
            "<plant#_name> is a little parched", "<plant#_name> is asking for water", "<plant#_name> has dried out a bit",
            "<plant#_name> is thirsty", "<plant#_name> could do with watering", "a splash of water for <plant#_name>",
            "time for a drink for <plant#_name>", "a thirsty pot for <plant#_name>", "the soil of <plant#_name> has gone dry",
            "<plant#_name> is worth a watering today", "a sip of water would perk up <plant#_name>", "watering can time for <plant#_name>",
            "dry soil over at <plant#_name>", "thirsty leaves on <plant#_name>", "please give <plant#_name> a drink",
            "the soil of <plant#_name> is at <plant#_moisture>, so a drink would help", "<plant#_name> has only <plant#_moisture> moisture left",
            "<plant#_name>'s soil has gone dry", "<plant#_name>'s pot feels dry", "over at <plant#_name>, the soil is dry",
            "<plant#_name>'s leaves are asking for water", "the pot of <plant#_name> is dry",
        ],
        Wishing, ["some water", "a drink", "a sip", "a watering", "a splash of water", "a little water", "a proper drink", "a deep drink",
            "a jug of water", "a cool drink", "a long drink", "a bit of water", "a fresh watering", "a top-up of water", "a gentle watering"],
        ["thirsty", "dry", "parched", "a little dry", "a bit thirsty", "rather dry", "quite parched", "bone dry", "short of water",
            "low on moisture", "in need of a drink"],
        ["a drink for", "some water for", "a splash of water for", "a sip for", "a quick watering for", "fresh water for", "a glass of water for",
            "the watering can for", "a long drink for", "a top-up of water for", "a cup of water for", "a little water for"],
        [.. Asks, " when you get a moment"]);

    private static readonly IReadOnlyList<string> Soggy = Build(
        [
            "<plant#_name> has plenty of water for now", "<plant#_name> is still wet, so no watering for a while",
            "<plant#_name> could use a break from watering", "<plant#_name> is quite wet at <plant#_moisture>",
            "<plant#_name> is a bit soggy", "<plant#_name> is waterlogged, so let it drain", "<plant#_name> has had too much water",
            "<plant#_name> is sitting wet", "<plant#_name> would like its saucer emptied", "<plant#_name> is damp, so skip the watering can",
            "<plant#_name> is soaked through", "<plant#_name> needs time to drain", "let <plant#_name> drain for now",
            "no watering for <plant#_name> for a while", "wet soil over at <plant#_name>", "a soggy pot for <plant#_name>",
            "<plant#_name> is sitting in wet soil", "<plant#_name> would rather skip the watering can", "<plant#_name> has had enough water",
            "<plant#_name> is at <plant#_moisture>, so hold the water", "the soil of <plant#_name> is still wet",
            "<plant#_name>'s soil is still wet", "<plant#_name>'s saucer could be emptied", "over at <plant#_name>, the soil is soggy",
            "<plant#_name>'s pot is waterlogged",
        ],
        ["would like", "could use", "is asking for", "is hoping for", "could do with", "would welcome"],
        ["a break from watering", "time to drain", "an emptied saucer", "a rest from the watering can", "no more water for now",
            "a pause in the watering", "a chance to drain", "fewer waterings", "a week off the watering can", "time to drain a bit"],
        ["soggy", "wet", "waterlogged", "soaked", "damp", "a bit soggy", "quite wet", "rather damp", "overwatered", "sodden", "drenched",
            "wet through", "swimming in water", "on the wet side"],
        ["no watering for", "hold the water for", "no more water for", "a break from watering for", "an empty saucer for", "time to drain for"],
        ["", " for now", " for a while"]);

    private static readonly IReadOnlyList<string> TooDark = Build(
        [
            "<plant#_name> would like more light", "<plant#_name> could use a brighter spot", "<plant#_name> is a bit dark where it is",
            "<plant#_name> is craving light", "<plant#_name> would enjoy a sunnier window", "<plant#_name> is in the shadows",
            "<plant#_name> wants to be nearer the light", "<plant#_name> is too dark where it sits", "a brighter corner for <plant#_name>",
            "<plant#_name> is looking for the sun", "more light for <plant#_name>, if you can", "a dim corner for <plant#_name>",
            "<plant#_name> is sitting in the shadows", "<plant#_name> is reaching for the light", "too little light for <plant#_name>",
            "<plant#_name>'s corner is a bit dark", "<plant#_name>'s spot is too shady", "over at <plant#_name>, it is rather dim",
            "<plant#_name>'s window is too dim",
        ],
        Wishing, ["more light", "a brighter spot", "some sun", "a sunnier window", "a bit more light", "a brighter corner", "more sun",
            "a place in the sun", "extra light", "a sunny sill", "more daylight", "a brighter room", "a spot by a bright window", "more hours of light"],
        ["in the dark", "a bit dark", "too shady", "rather dim", "a little dim", "in the shadows", "dim", "shady", "dark", "short of light",
            "starved of light", "low on light"],
        ["a brighter corner for", "more light for", "a sunnier spot for", "some sun for", "a brighter window for", "a move into the light for",
            "a sunny sill for", "extra light for", "a lighter room for", "more daylight for", "a spot in the sun for"],
        Asks);

    private static readonly IReadOnlyList<string> TooCold = Build(
        [
            "<plant#_name> is a little cold", "<plant#_name> would like a warmer spot", "<plant#_name> is feeling the chill",
            "<plant#_name> is chilly", "a warmer corner for <plant#_name>", "<plant#_name> is in a draughty, cold spot",
            "<plant#_name> would be cosier somewhere warmer", "<plant#_name> is shivering a bit", "<plant#_name> is in a draughty spot",
            "<plant#_name> is too cold where it is", "<plant#_name> would like to be out of the chill",
            "<plant#_name>'s corner is chilly", "<plant#_name>'s spot is a bit cold", "over at <plant#_name>, it is rather chilly",
        ],
        Wishing, ["a warmer spot", "a warmer corner", "a warmer room", "somewhere warmer", "a cosier spot", "a cosier corner",
            "a warmer windowsill", "a break from the chill", "a spot away from the chill", "a move somewhere warmer", "a cosier shelf"],
        ["cold", "chilly", "a little cold", "a bit chilly", "rather cold", "quite chilly", "chilled", "too cold",
            "out in the chill", "feeling the cold", "on the chilly side"],
        ["a warmer corner for", "a warmer spot for", "a cosier place for", "somewhere warmer for", "a spot out of the chill for",
            "a warmer shelf for", "a cosier room for", "a warmer windowsill for"],
        Asks);

    private static readonly IReadOnlyList<string> TooHot = Build(
        [
            "<plant#_name> is a little warm", "<plant#_name> would like a cooler spot", "<plant#_name> is getting too much heat",
            "<plant#_name> is too hot where it is", "a cooler corner for <plant#_name>", "<plant#_name> is baking a bit",
            "<plant#_name> could use a break from the heat", "<plant#_name> is overheating", "<plant#_name> is feeling the heat",
            "<plant#_name> is too warm where it sits", "<plant#_name> would like to be out of the heat",
            "<plant#_name>'s spot is too warm", "<plant#_name>'s corner is getting hot", "over at <plant#_name>, it is quite hot",
        ],
        Wishing, ["a cooler spot", "a cooler corner", "a break from the heat", "somewhere cooler", "a cooler room", "relief from the heat",
            "a spot away from the heat", "a cooler windowsill", "less heat", "a move somewhere cooler", "some respite from the heat", "a cooler shelf"],
        ["hot", "too warm", "a little warm", "rather hot", "quite warm", "a bit hot", "warm", "overheated", "too hot", "in the heat",
            "on the hot side", "feeling the heat"],
        ["a cooler corner for", "a cooler spot for", "somewhere cooler for", "a break from the heat for", "a spot out of the heat for",
            "a cooler shelf for", "relief from the heat for", "a cooler room for", "a cooler windowsill for"],
        Asks);

    private static readonly IReadOnlyList<string> Fine = Build(
        [
            "<plant#_name> is doing fine", "<plant#_name> is happy", "<plant#_name> is all good",
            "<plant#_name> is fine for <plant#_days>", "<plant#_name> needs no water for <plant#_days>",
            "<plant#_name> is comfortable at <plant#_moisture>", "<plant#_name> is doing well", "<plant#_name> is thriving",
            "<plant#_name> looks content", "<plant#_name> is in good shape", "<plant#_name> is just fine",
            "<plant#_name> is happy where it is", "<plant#_name> is looking great", "all good with <plant#_name>",
            "no worries about <plant#_name>", "nothing to do for <plant#_name>", "happy leaves on <plant#_name>",
            "fine and dandy over at <plant#_name>", "<plant#_name> seems perfectly happy", "<plant#_name> is doing great",
            "<plant#_name> is good for <plant#_days>",
            "<plant#_name>'s leaves look happy", "<plant#_name>'s soil is just right", "over at <plant#_name>, all is well",
        ],
        [], [],
        ["fine", "happy", "content", "in good shape", "comfortable", "just fine", "perfectly happy", "great", "in fine form",
            "in great shape", "settled and happy"],
        ["all good with", "no worries about", "nothing to do for", "good news from", "a content pot for", "a happy pot for", "fine news from",
            "happy leaves on", "good things from"],
        [""], growing: false);

    public static IReadOnlyList<string> For(PlantMood mood) => mood switch
    {
        PlantMood.Thirsty => Thirsty,
        PlantMood.Soggy => Soggy,
        PlantMood.TooDark => TooDark,
        PlantMood.TooCold => TooCold,
        PlantMood.TooHot => TooHot,
        _ => Fine,
    };

    // Whole closing sentences for a plant report; no mood words, so they never speak for the wrong plant.
    public static readonly string[] SignOff =
    [
        "That's the news from the pots.", "That's all from the windowsill.", "Over and out from the plants.", "More news soon.",
        "That's the green report.", "The leaves say thanks.", "Thanks for looking after them.", "That's it for now.",
        "The plants say hello.", "More from the pots later.", "That's the leafy round-up.", "Thanks for keeping an eye on them.",
        "Back with more soon.", "That's the plant news.",
    ];

    public static readonly string[] ReportLead = ["plant check", "a quick plant update", "news from the plants", "the plants"];

    public static readonly string[] AllFine =
    [
        "everything else is doing fine", "the rest are happy", "all good otherwise", "the others are fine", "the rest look content",
        "no worries with the others", "the others are in good shape", "the rest are doing well",
    ];

    // The hand-written clauses first (the template takes the first), then every crossing; no duplicates.
    // States with a preposition ("in the dark") take only "is"; a fine plant is not "getting" fine.
    private static List<string> Build(string[] written, string[] verbs, string[] wishes, string[] states, string[] lastFrames, string[] tails, bool growing = true)
    {
        var all = new List<string>(written);
        foreach (var verb in verbs)
        {
            all.AddRange(wishes.Select(w => $"<plant#_name> {verb} {w}"));
        }

        // One-word states take a degree word too ("a touch dry"); a fine plant gets none ("very great").
        var degrees = growing ? Degrees : [""];
        var graded = states.Concat(states.Where(s => !s.Contains(' ', StringComparison.Ordinal)).SelectMany(s => degrees.Select(d => d + s))).Distinct().ToList();
        foreach (var be in Being.Where(b => growing || b is not ("is getting" or "has gone" or "has become")))
        {
            all.AddRange(graded.Where(s => be is "is" or "seems to be" or "appears to be" || !IsPhrase(s)).Select(s => $"<plant#_name> {be} {s}"));
        }

        // "As for Fern, it is dry": the name-only clause hands its plant on to the next (PlantMoodCheck's carry).
        all.AddRange(graded.Select(s => $"as for <plant#_name>, it is {s}"));
        foreach (var frame in lastFrames)
        {
            all.AddRange(tails.Select(t => $"{frame} <plant#_name>{t}"));
        }

        return [.. all.Distinct(StringComparer.Ordinal)];
    }

    // States that are not adjectives ("in the dark", "feeling the heat", "short of water") follow only a form of "to be".
    private static bool IsPhrase(string state) =>
        state.StartsWith("in ", StringComparison.Ordinal) || state.StartsWith("on ", StringComparison.Ordinal)
        || state.StartsWith("out ", StringComparison.Ordinal) || state.StartsWith("feeling ", StringComparison.Ordinal)
        || state.StartsWith("swimming ", StringComparison.Ordinal) || state.StartsWith("low on ", StringComparison.Ordinal)
        || state.Contains(" of ", StringComparison.Ordinal);
}
