namespace Ambient.Language;

/// <summary>Plant clauses per mood ('#' = the plant's number); the variants with moisture or days need that slot.</summary>
internal static class PlantPhrases
{
    public static IReadOnlyList<string> For(PlantMood mood) => mood switch
    {
        PlantMood.Thirsty =>
        [
            "<plant#_name> would like some water", "<plant#_name> is getting thirsty", "<plant#_name> could use a drink",
            "<plant#_name> would like water, it's at <plant#_moisture>", "<plant#_name> is down to <plant#_moisture> moisture",
            "a drink for <plant#_name> would be lovely", "<plant#_name> is dry at <plant#_moisture>",
        ],
        PlantMood.Soggy =>
        [
            "<plant#_name> has plenty of water for now", "<plant#_name> is still wet, so no water for a while",
            "<plant#_name> could dry out a little", "<plant#_name> is quite wet at <plant#_moisture>",
        ],
        PlantMood.TooDark =>
        [
            "<plant#_name> would like more light", "<plant#_name> could use a brighter spot", "<plant#_name> is a bit dark where it is",
        ],
        PlantMood.TooCold =>
        [
            "<plant#_name> is a little cold", "<plant#_name> would like a warmer spot", "<plant#_name> is feeling the chill",
        ],
        PlantMood.TooHot =>
        [
            "<plant#_name> is a little warm", "<plant#_name> would like a cooler spot", "<plant#_name> is getting too much heat",
        ],
        _ =>
        [
            "<plant#_name> is doing fine", "<plant#_name> is happy", "<plant#_name> is all good",
            "<plant#_name> is fine for <plant#_days>", "<plant#_name> needs no water for <plant#_days>",
            "<plant#_name> is comfortable at <plant#_moisture>",
        ],
    };

    public static readonly string[] ReportLead = ["plant check", "a quick plant update", "news from the plants", "the plants"];

    public static readonly string[] AllFine = ["everything else is doing fine", "the rest are happy", "all good otherwise"];
}
