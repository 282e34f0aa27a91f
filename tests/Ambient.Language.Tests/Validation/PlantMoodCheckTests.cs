namespace Ambient.Language.Tests.Validation;

public class PlantMoodCheckTests
{
    // Basil needs water, Fern is waterlogged, Ivy is fine.
    private static readonly FactSheet Report = FactSheets.From(TestFacts.Greeting(
        Intent.PlantReport,
        plants: [new("Basil", PlantMood.Thirsty, 12, 0), new("Fern", PlantMood.Soggy, 95, 6), new("Ivy", PlantMood.Ok, 50, 3)]));

    private static IReadOnlyList<string> Kinds(string text, FactSheet sheet) =>
        [.. TextValidator.Validate(text, sheet).Select(Problems.KindOf).Distinct()];

    [Theory]
    [InlineData("Plant check: <plant1_name> would like some water. <plant2_name> is a bit soggy. <plant3_name> is happy.")]
    [InlineData("<plant1_name> is thirsty and <plant2_name> has had too much water. <plant3_name> needs no water for <plant3_days>.")]
    [InlineData("<plant1_name> could use a drink, <plant2_name> needs time to drain, and <plant3_name> is doing fine.")]
    [InlineData("<plant1_name>, thirsty. <plant2_name>, soggy: let it drain. <plant3_name>, all good.")]
    public void Right_moods_pass(string text) => Assert.Empty(TextValidator.Validate(text, Report));

    [Theory]
    [InlineData("Plant check: <plant1_name> is a bit soggy. <plant2_name> would like some water. <plant3_name> is happy.", "<plant1_name>")]
    [InlineData("<plant1_name> is thirsty and <plant2_name> is thirsty too. <plant3_name> is fine.", "<plant2_name>")]
    [InlineData("<plant1_name> could use a drink. <plant2_name> is doing fine. <plant3_name> is happy.", "<plant2_name>")]
    [InlineData("<plant1_name> would like some water. <plant2_name> is soggy. <plant3_name> would like a warmer spot.", "<plant3_name>")]
    [InlineData("<plant1_name> would like more light. <plant2_name> is soggy. <plant3_name> is happy.", "<plant1_name>")]
    [InlineData("<plant1_name> could use a drink. <plant2_name>, thirsty. <plant3_name> is happy.", "<plant2_name>")]
    [InlineData("<plant1_name> could use a drink. For <plant2_name>, a sip would be nice. <plant3_name> is fine.", "<plant2_name>")]
    public void Swapped_moods_are_caught(string text, string plant)
    {
        var problems = TextValidator.Validate(text, Report);
        Assert.Contains(problems, p => p.StartsWith(Problems.WrongPlantMood + ": " + plant, StringComparison.Ordinal));
    }

    [Fact]
    public void A_clause_naming_two_plants_or_none_is_not_judged()
    {
        // "all good otherwise" names no plant; the shared clause could be about either.
        Assert.DoesNotContain(Problems.WrongPlantMood, Kinds("<plant1_name> would like some water. <plant2_name> is a bit soggy. All good otherwise, <plant3_name> included.", Report));
        Assert.DoesNotContain(Problems.WrongPlantMood, Kinds("<plant1_name> is thirsty. <plant2_name> is soggy. <plant3_name> is happy. Have a good day.", Report));
    }

    [Fact]
    public void Every_mood_has_words_of_its_own()
    {
        foreach (var mood in Enum.GetValues<PlantMood>())
        {
            var others = Enum.GetValues<PlantMood>().Where(m => m != mood).SelectMany(PlantMoodCheck.WordsOf).ToHashSet(StringComparer.Ordinal);
            Assert.Contains(PlantMoodCheck.WordsOf(mood), w => !others.Contains(w));
        }
    }

    [Fact]
    public void The_grammar_never_gives_a_plant_the_wrong_mood()
    {
        // Every phrase the grammar has for a mood, said of one plant, in every other plant's place.
        var random = new Random(11);
        var checkedTexts = 0;
        for (var i = 0; i < 6000; i++)
        {
            var facts = RandomFacts.Next(random) with { Intent = Intent.PlantReport };
            var sheet = FactSheets.From(facts);
            var text = TeacherGrammar.Sample(sheet, random);
            Assert.Empty(PlantMoodCheck.Find(text, sheet));
            checkedTexts += sheet.PlantMoods.Count > 1 ? 1 : 0;
        }

        Assert.True(checkedTexts > 1000, $"only {checkedTexts} multi-plant reports");
    }

    [Fact]
    public void Every_plant_phrase_is_refused_for_every_mood_that_shares_no_word_with_its_own()
    {
        // A state the lexicon lacks ("overheated", once) lets any plant be called it: the model wrote "Kitchen basil
        // comes across as quite overheated" of a thirsty basil and the check saw nothing.
        var missed = new List<string>();
        foreach (var mood in Enum.GetValues<PlantMood>())
        {
            var own = PlantMoodCheck.WordsOf(mood);
            foreach (var other in Enum.GetValues<PlantMood>().Where(o => o != mood && !PlantMoodCheck.WordsOf(o).Intersect(own).Any()))
            {
                missed.AddRange(PlantPhrases.For(mood).Select(p => p.Replace("#", "1", StringComparison.Ordinal))
                    .Where(clause => !PlantMoodCheck.Find(clause, Sheet(other)).Any()).Select(clause => $"{mood} said of {other}: {clause}"));
            }
        }

        Assert.Empty(missed);
    }

    [Fact]
    public void Every_plant_phrase_passes_for_its_own_mood_and_fails_for_a_clearly_different_one()
    {
        foreach (var mood in Enum.GetValues<PlantMood>())
        {
            foreach (var phrase in PlantPhrases.For(mood))
            {
                var clause = phrase.Replace("#", "1", StringComparison.Ordinal);
                var own = Sheet(mood);
                Assert.Empty(PlantMoodCheck.Find(clause, own));
            }
        }

        // A phrase of one mood, said of a plant in the opposite state, is flagged.
        Assert.NotEmpty(PlantMoodCheck.Find("<plant1_name> is getting thirsty", Sheet(PlantMood.Soggy)));
        Assert.NotEmpty(PlantMoodCheck.Find("<plant1_name> would like a cooler spot", Sheet(PlantMood.TooCold)));
        Assert.NotEmpty(PlantMoodCheck.Find("<plant1_name> is feeling the chill", Sheet(PlantMood.TooHot)));
        Assert.NotEmpty(PlantMoodCheck.Find("<plant1_name> is happy", Sheet(PlantMood.TooDark)));
        // "water" alone belongs to three moods; asking for some of it is thirst (the demo once said it of a fine basil).
        Assert.NotEmpty(PlantMoodCheck.Find("<plant1_name> would like some water", Sheet(PlantMood.Ok)));
    }

    private static FactSheet Sheet(PlantMood mood) =>
        FactSheets.From(TestFacts.Greeting(Intent.PlantReport, plants: [new("Basil", mood, 40, 2)]));

    [Theory]
    [InlineData("<plant1_name> could use a drink, <plant2_name> needs time to drain, and <plant3_name>.", "<plant3_name>")]
    [InlineData("<plant1_name> is thirsty. <plant2_name> is soggy. Over and out from <plant3_name>.", "<plant3_name>")]
    public void A_plant_named_with_nothing_said_of_it_is_caught(string text, string plant)
    {
        var problems = TextValidator.Validate(text, Report);
        Assert.Contains(problems, p => p.StartsWith(Problems.UnspokenPlant + ": " + plant, StringComparison.Ordinal));
    }

    [Theory]
    // The name first and its words in the next clause, the words before the name, a name-last frame of a fine plant.
    [InlineData("As for <plant1_name>, it is dry. <plant2_name> is soggy. Nothing to do for <plant3_name>.")]
    [InlineData("A drink for <plant1_name>. <plant2_name>'s soil is still wet. <plant3_name>'s soil is just right.")]
    // A sentence still being written is not judged yet (the decoder's guide sees such text).
    [InlineData("<plant1_name> is dry. <plant2_name> is soggy. <plant3_name>")]
    public void A_plant_whose_words_come_before_or_after_its_name_is_spoken_for(string text) =>
        Assert.DoesNotContain(Problems.UnspokenPlant, Kinds(text, Report));

    [Fact]
    public void A_name_where_the_article_of_the_rest_belongs_is_broken_grammar() =>
        Assert.Contains(Problems.Grammar, Kinds("<plant1_name> would like some water. <plant2_name> is soggy. <plant3_name> rest look content.", Report));

    [Theory]
    [InlineData("<plant1_name> is dry at <plant2_moisture>. <plant2_name> is soggy. <plant3_name> is happy.", "<plant2_moisture> is said of <plant1_name>")]
    [InlineData("<plant1_name> is dry. <plant2_name> is soggy and <plant1_moisture> moisture. <plant3_name> is fine.", "<plant1_moisture> is said of <plant2_name>")]
    [InlineData("<plant1_name> is dry. <plant2_name> is soggy. Only <plant3_days> to go.", "<plant3_days> is said of no plant")]
    public void A_plant_number_said_of_another_plant_is_caught(string text, string problem) =>
        Assert.Contains(Problems.WrongPlantFact + ": " + problem, TextValidator.Validate(text, Report));

    [Theory]
    [InlineData("<plant1_name> would like water, it's at <plant1_moisture>. <plant2_name> is soggy. <plant3_name> is happy.")]
    [InlineData("The soil of <plant1_name> is at <plant1_moisture>, so a drink would help. <plant2_name> is soggy. <plant3_name> needs no water for <plant3_days>.")]
    public void A_plant_number_after_its_own_name_is_fine(string text) =>
        Assert.DoesNotContain(Problems.WrongPlantFact, Kinds(text, Report));

    [Fact]
    public void Two_plants_in_one_clause_are_caught() =>
        Assert.Contains(
            TextValidator.Validate("<plant1_name> could use a drink, <plant2_name> would like a dim corner for <plant3_name>.", Report),
            p => p.StartsWith(Problems.WrongPlantMood + ": <plant3_name> shares a clause", StringComparison.Ordinal));
}

