namespace Ambient.Language;

/// <summary>
/// Plant clauses per mood ('#' = the plant's number); the variants with moisture or days need that slot. Each mood
/// keeps to its own words (<see cref="PlantMoodCheck"/> flags a clause whose mood word belongs to another mood), so
/// "water" is said only of thirsty or soggy plants and of fine ones that need none.
/// </summary>
internal static class PlantPhrases
{
    public static IReadOnlyList<string> For(PlantMood mood) => mood switch
    {
        PlantMood.Thirsty =>
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
        ],
        PlantMood.Soggy =>
        [
            "<plant#_name> has plenty of water for now", "<plant#_name> is still wet, so no watering for a while",
            "<plant#_name> could use a break from watering", "<plant#_name> is quite wet at <plant#_moisture>",
            "<plant#_name> is a bit soggy", "<plant#_name> is waterlogged, so let it drain", "<plant#_name> has had too much water",
            "<plant#_name> is sitting wet", "<plant#_name> would like its saucer emptied", "<plant#_name> is damp, so skip the watering can",
            "<plant#_name> is soaked through", "<plant#_name> needs time to drain", "let <plant#_name> drain for now",
            "no watering for <plant#_name> for a while", "wet soil over at <plant#_name>", "a soggy pot for <plant#_name>",
        ],
        PlantMood.TooDark =>
        [
            "<plant#_name> would like more light", "<plant#_name> could use a brighter spot", "<plant#_name> is a bit dark where it is",
            "<plant#_name> is craving light", "<plant#_name> would enjoy a sunnier window", "<plant#_name> is in the shadows",
            "<plant#_name> wants to be nearer the light", "<plant#_name> is too dark where it sits", "a brighter corner for <plant#_name>",
            "<plant#_name> is looking for the sun", "more light for <plant#_name>, if you can", "a dim corner for <plant#_name>",
        ],
        PlantMood.TooCold =>
        [
            "<plant#_name> is a little cold", "<plant#_name> would like a warmer spot", "<plant#_name> is feeling the chill",
            "<plant#_name> is chilly", "a warmer corner for <plant#_name>", "<plant#_name> is in a draughty, cold spot",
            "<plant#_name> would be cosier somewhere warmer", "<plant#_name> is shivering a bit",
        ],
        PlantMood.TooHot =>
        [
            "<plant#_name> is a little warm", "<plant#_name> would like a cooler spot", "<plant#_name> is getting too much heat",
            "<plant#_name> is too hot where it is", "a cooler corner for <plant#_name>", "<plant#_name> is baking a bit",
            "<plant#_name> could use a break from the heat", "<plant#_name> is overheating",
        ],
        _ =>
        [
            "<plant#_name> is doing fine", "<plant#_name> is happy", "<plant#_name> is all good",
            "<plant#_name> is fine for <plant#_days>", "<plant#_name> needs no water for <plant#_days>",
            "<plant#_name> is comfortable at <plant#_moisture>", "<plant#_name> is doing well", "<plant#_name> is thriving",
            "<plant#_name> looks content", "<plant#_name> is in good shape", "<plant#_name> is just fine",
            "<plant#_name> is happy where it is", "<plant#_name> is looking great", "all good with <plant#_name>",
            "no worries about <plant#_name>", "nothing to do for <plant#_name>", "happy leaves on <plant#_name>",
            "fine and dandy over at <plant#_name>", "<plant#_name> seems perfectly happy",
        ],
    };

    // Whole closing sentences for a plant report; no mood words, so they never speak for the wrong plant.
    public static readonly string[] SignOff =
    [
        "That's the news from the pots.", "That's all from the windowsill.", "Over and out from the plants.", "More news soon.",
        "That's the green report.", "The leaves say thanks.", "Thanks for looking after them.", "That's it for now.",
    ];

    public static readonly string[] ReportLead = ["plant check", "a quick plant update", "news from the plants", "the plants"];

    public static readonly string[] AllFine =
    [
        "everything else is doing fine", "the rest are happy", "all good otherwise", "the others are fine", "the rest look content",
        "no worries with the others",
    ];
}
