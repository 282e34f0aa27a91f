using Ambient.Language.Model;

namespace Ambient.Language.Tests.Model;

/// <summary>The lead a too-long sample may lose (<see cref="FitGuide.WithoutLead"/>).</summary>
[Collection(SmokeModelCollection.Name)]
public sealed class WithoutLeadTests(SmokeModelFixture smoke)
{
    [Fact]
    public void A_sample_too_long_only_by_its_lead_is_sent_without_it()
    {
        smoke.EnsureBuilt();
        var facts = TestFacts.Greeting(Intent.PlantReport, TargetDevice.Magnet, plants: [new("Basil", PlantMood.TooCold, 40, 3)]);
        var sheet = FactSheets.From(facts);
        const string Lead = "Hello <name>, a quick plant update: ";
        const string Rest = "<plant1_name> is chilly, so a warmer corner away from the draughty window would help it through the nights.";
        Assert.False(DeviceFit.Fits(SlotFiller.Fill(Lead + Rest, sheet), TargetDevice.Magnet), "the whole text must outgrow the magnet");
        Assert.True(DeviceFit.Fits(SlotFiller.Fill(char.ToUpperInvariant(Rest[0]) + Rest[1..], sheet), TargetDevice.Magnet), "the rest must fit");

        var tokenizer = BpeTokenizer.Load(smoke.PathOf("tokenizer.json"));
        var decoder = new TextDecoder(OnnxLanguageModel.Load(smoke.PathOf("model.int8.onnx"), 160), tokenizer);
        var script = new List<int>(tokenizer.EncodeText(Lead + Rest)) { BpeTokenizer.EosId };
        decoder.AdjustLogits = (text, logits) => logits[script[Math.Min(text.Count, script.Count - 1)]] += 1000f;
        using var generator = new ModelGreetingGenerator(decoder, new TemplateGenerator(), new ModelOptions { ModelDirectory = smoke.Directory, Seed = 1 });

        var made = generator.Generate(facts);
        Assert.Equal(MadeBy.Model, made.MadeBy);
        Assert.Equal(SlotFiller.Fill(Rest, sheet), made.Text);
    }

    [Theory]
    [InlineData("Hello <name>, plant check: <plant1_name> is chilly. <plant2_name> is hot.", "<plant1_name> is chilly. <plant2_name> is hot.")]
    [InlineData("Leafy news: a cooler corner for <plant1_name>.", "A cooler corner for <plant1_name>.")]
    [InlineData("The plants report: <plant1_name> is dry.", "<plant1_name> is dry.")]
    // No lead: a colon after a sentence end, one that follows a fact, or none at all.
    [InlineData("Morning, <name>. On the agenda: <event1_title> at <event1_time>.", null)]
    [InlineData("At <event1_time>: <event1_title>.", null)]
    [InlineData("<plant1_name> is chilly.", null)]
    [InlineData("Plant check:", null)]
    public void Only_a_first_clause_ending_in_a_colon_with_no_fact_but_the_name_is_a_lead(string delex, string? expected) =>
        Assert.Equal(expected, FitGuide.WithoutLead(delex));
}
