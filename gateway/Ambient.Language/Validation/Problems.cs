namespace Ambient.Language;

/// <summary>
/// The kinds of problem <see cref="TextValidator"/> reports. Each problem string starts with one of these, then
/// ": " and the detail, e.g. "missing-slot: &lt;event1_time&gt;". Kinds are stable: the eval and logs count by them.
/// </summary>
public static class Problems
{
    public const string Empty = "empty";

    /// <summary>A token in angle brackets that is not a slot of this sheet (an unknown name, or a fact that is absent).</summary>
    public const string UnknownSlot = "unknown-slot";

    public const string RepeatedSlot = "repeated-slot";

    public const string MissingSlot = "missing-slot";

    /// <summary>A digit outside a slot: every number must come from the facts.</summary>
    public const string Digits = "digits-outside-slots";

    public const string TooLong = "too-long";

    public const string Exclamations = "too-many-exclamations";

    /// <summary>A nagging or judgmental phrase from the style guide's blacklist.</summary>
    public const string Blacklisted = "blacklisted-phrase";

    public const string NotOneSentence = "not-one-sentence";

    /// <summary>The text claims something the facts do not support (an umbrella without rain).</summary>
    public const string Unsupported = "unsupported-claim";

    public const string Spacing = "bad-spacing";

    /// <summary>Two verbs that cannot follow each other ("is would like"): one phrasing started, another finished.</summary>
    public const string Grammar = "broken-grammar";

    /// <summary>A plant is described with another plant's mood ("Fern is thirsty" when Fern is soggy).</summary>
    public const string WrongPlantMood = "wrong-plant-mood";

    /// <summary>A plant's moisture or days said of another plant ("Olive tree is dry at &lt;plant3_moisture&gt;").</summary>
    public const string WrongPlantFact = "wrong-plant-fact";

    /// <summary>A plant is named and nothing is said of it ("…, and Ivy."): its state would be lost.</summary>
    public const string UnspokenPlant = "unspoken-plant";

    /// <summary>The same run of words twice ("is too hot where it is too hot where it is"): the model looped.</summary>
    public const string Repeated = "repeated-words";

    /// <summary>
    /// The model drew a token it itself found very unlikely: such samples are where it lost the thread ("More news
    /// soon. soon.:  can time for"), often in ways no text rule sees. Reported by the generator, not the validator.
    /// </summary>
    public const string Unlikely = "unlikely-token";

    /// <summary>
    /// At some token the decoding constraints took most of the model's probability away: it wanted to end before a
    /// required fact (or to write a slot it may not) and was made to go on. What follows is the model writing past
    /// its own ending ("That's the green report. to report.From the windowsill.: Ivy is a bit soggy."): it
    /// passed every text rule and every token was likely once the end was masked. Reported by the generator.
    /// </summary>
    public const string Forced = "forced";

    public static string KindOf(string problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var colon = problem.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? problem : problem[..colon];
    }
}
