using Ambient.Language.Model;

namespace Ambient.Language.Tests.Model;

/// <summary>The generator end to end on the smoke model, its fallbacks, and its options.</summary>
[Collection(SmokeModelCollection.Name)]
public sealed class ModelGreetingGeneratorTests(SmokeModelFixture smoke)
{
    [Fact]
    public void The_ci_smoke_model_builds_loads_and_writes_greetings()
    {
        smoke.EnsureBuilt();
        foreach (var name in new[] { "tokenizer.json", "model.fp32.onnx", "model.int8.onnx", "reference-logits.json", "manifest.json", "ids.txt" })
        {
            Assert.True(File.Exists(smoke.PathOf(name)), $"smoke.sh left no {name}\n{smoke.Log}");
        }

        // The pipeline trained on the teacher's prompts: every control and slot token is a whole token.
        var tokenizer = BpeTokenizer.Load(smoke.PathOf("tokenizer.json"));
        Assert.All(SpecialTokens.All, t => Assert.True(tokenizer.TryGetSpecialId(t, out _), $"{t} is not a special token of the smoke tokenizer"));
        var choice = LanguageModelFactory.Create(new ModelOptions { ModelDirectory = smoke.Directory, Seed = 5 }, new TemplateGenerator());
        Assert.True(choice.UsesModel, choice.Reason);
        using var generator = Assert.IsType<ModelGreetingGenerator>(choice.Generator);
        var random = new Random(11);
        for (var i = 0; i < 10; i++)
        {
            var facts = RandomFacts.Next(random);
            var result = generator.Generate(facts);
            Assert.False(string.IsNullOrWhiteSpace(result.Text));
            Assert.InRange(result.Attempts, 1, generator.Options.MaxAttempts);
            Assert.True(result.Milliseconds > 0);
            // Whatever wrote it, what comes out has passed the validator or is the template's.
            if (result.MadeBy == MadeBy.Template)
            {
                Assert.Equal(generator.Options.MaxAttempts, result.Attempts);
                Assert.NotEmpty(result.Problems);
                Assert.All(result.Problems, p => Assert.StartsWith("sample ", p, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void A_broken_model_file_falls_back_to_the_template_and_says_why()
    {
        smoke.EnsureBuilt();
        var dir = Directory.CreateTempSubdirectory("ambient-broken-").FullName;
        try
        {
            File.Copy(smoke.PathOf("tokenizer.json"), Path.Combine(dir, "tokenizer.json"));
            File.WriteAllText(Path.Combine(dir, "model.int8.onnx"), "this is not an onnx model");
            var template = new TemplateGenerator();
            var choice = LanguageModelFactory.Create(new ModelOptions { ModelDirectory = dir }, template);
            Assert.False(choice.UsesModel);
            Assert.Same(template, choice.Generator);
            Assert.Contains("did not load", choice.Reason, StringComparison.Ordinal);
            Assert.Contains(dir, choice.Reason, StringComparison.Ordinal);
            var text = choice.Generator.Generate(AnyFacts.Next(new Random(1)));
            Assert.Equal(MadeBy.Template, text.MadeBy);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_missing_model_or_a_disabled_one_is_the_template_with_the_reason()
    {
        var template = new TemplateGenerator();
        var missing = LanguageModelFactory.Create(new ModelOptions { ModelDirectory = "/nonexistent/ambient-model" }, template);
        Assert.False(missing.UsesModel);
        Assert.Contains("no tokenizer.json in /nonexistent/ambient-model", missing.Reason, StringComparison.Ordinal);
        var disabled = LanguageModelFactory.Create(new ModelOptions { Enabled = false }, template);
        Assert.False(disabled.UsesModel);
        Assert.Contains("Language:Model:Enabled", disabled.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_name_their_keys()
    {
        var errors = new ModelOptions
        {
            Temperature = -1f, TopP = 0f, MaxAttempts = 0, MaxNewTokens = 1, ModelDirectory = " ", Backtracks = -1, MinTokenLogProb = 0.5,
            RecentPenalty = -1f, MaxMaskedShare = 0,
        }.Validate();
        Assert.Contains(errors, e => e.StartsWith("Language:Model:RecentPenalty ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Language:Model:MaxMaskedShare ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Language:Model:Backtracks ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Language:Model:MinTokenLogProb ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Language:Model:Temperature ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Language:Model:TopP ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Language:Model:MaxAttempts ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Language:Model:MaxNewTokens ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Language:Model:ModelDirectory ", StringComparison.Ordinal));
        Assert.Empty(new ModelOptions().Validate());
        var thrown = Assert.Throws<ArgumentException>(() => LanguageModelFactory.Create(new ModelOptions { TopP = 2f }, new TemplateGenerator()));
        Assert.Contains("Language:Model:TopP", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_gives_the_same_samples()
    {
        smoke.EnsureBuilt();
        using var a = ModelGreetingGenerator.Load(new ModelOptions { ModelDirectory = smoke.Directory, Seed = 42 }, new TemplateGenerator());
        using var b = ModelGreetingGenerator.Load(new ModelOptions { ModelDirectory = smoke.Directory, Seed = 42 }, new TemplateGenerator());
        var sheet = FactSheets.From(AnyFacts.Next(new Random(2)));
        var ra = new Random(42);
        var rb = new Random(42);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(a.Sample(sheet, ra).DelexText, b.Sample(sheet, rb).DelexText);
        }
    }

    [Fact]
    public void A_sample_with_a_token_the_model_found_too_unlikely_is_refused_and_named()
    {
        smoke.EnsureBuilt();
        var facts = AnyFacts.Next(new Random(4));
        // Every token has a log-probability below −0.0001 (the vocabulary is not one token): nothing passes.
        using var strict = ModelGreetingGenerator.Load(new ModelOptions { ModelDirectory = smoke.Directory, Seed = 1, MinTokenLogProb = -0.0001 }, new TemplateGenerator());
        var refused = strict.Generate(facts);
        Assert.Equal(MadeBy.Template, refused.MadeBy);
        Assert.Equal(strict.Options.MaxAttempts, refused.Problems.Count(p => p.Contains(Problems.Unlikely + ":", StringComparison.Ordinal)));

        // The sample says how unlikely its least likely token was, and the check compares exactly that.
        using var lenient = ModelGreetingGenerator.Load(new ModelOptions { ModelDirectory = smoke.Directory, Seed = 1, MinTokenLogProb = -1000 }, new TemplateGenerator());
        var sample = lenient.Sample(FactSheets.From(facts), new Random(3));
        Assert.InRange(sample.LeastLikely, -1000, -0.0001);
        Assert.Null(lenient.Unlikely(sample));
        Assert.NotNull(strict.Unlikely(sample));
    }

    [Fact]
    public void A_sample_the_constraints_had_to_force_is_refused_and_named()
    {
        smoke.EnsureBuilt();
        using var generator = ModelGreetingGenerator.Load(new ModelOptions { ModelDirectory = smoke.Directory, Seed = 1 }, new TemplateGenerator());
        var forced = generator.Forced(new ModelSample("x", "x", DecodeStop.EndOfText, 1, MostMasked: 0.97));
        Assert.Equal(Problems.Forced, Problems.KindOf(Assert.IsType<string>(forced)));
        Assert.Contains("97", forced, StringComparison.Ordinal);
        Assert.Null(generator.Forced(new ModelSample("x", "x", DecodeStop.EndOfText, 1, MostMasked: 0.2)));

        using var off = ModelGreetingGenerator.Load(new ModelOptions { ModelDirectory = smoke.Directory, Seed = 1, MaxMaskedShare = 1 }, new TemplateGenerator());
        Assert.Null(off.Forced(new ModelSample("x", "x", DecodeStop.EndOfText, 1, MostMasked: 1)));
    }
}
