using Ambient.Gateway.Voice;
using Ambient.Gateway.Voice.WakeWord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Tests.Voice.WakeWord;

public sealed class WakeWordOptionsTests
{
    [Fact]
    public void The_default_model_is_the_shipped_one_copied_to_the_output()
    {
        Assert.True(File.Exists(WakeWordOptions.DefaultModelPath), WakeWordOptions.DefaultModelPath);
        using var detector = new WakeWordDetector(new WakeWordOptions());
        Assert.Equal(24_000, detector.WindowSamples);
    }

    [Theory]
    [InlineData("Threshold", 1.5f, 2, 1500, "WakeWord:Threshold")]
    [InlineData("Threshold", 0f, 2, 1500, "WakeWord:Threshold")]
    [InlineData("SmoothingHops", 0.5f, 0, 1500, "WakeWord:SmoothingHops")]
    [InlineData("Refractory", 0.5f, 2, -1, "WakeWord:Refractory")]
    [InlineData("TriggerHops", 0.5f, 2, 1500, "WakeWord:TriggerHops", 0)]
    [InlineData("TriggerHops", 0.5f, 2, 1500, "WakeWord:TriggerHops", 11)]
    public void Bad_settings_are_refused_naming_the_key(string _, float threshold, int hops, int refractoryMs, string key, int triggerHops = 1)
    {
        var options = new WakeWordOptions { Threshold = threshold, SmoothingHops = hops, Refractory = TimeSpan.FromMilliseconds(refractoryMs), TriggerHops = triggerHops };
        var e = Assert.Throws<ArgumentException>(() => new WakeWordDetector(options));
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
        var result = new WakeWordOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_the_decision_rule_the_shipped_model_was_calibrated_for()
    {
        // train.py picks threshold, smoothing and trigger hops on training-split audio and writes them into the
        // manifest; the C# defaults must say the same, or the bench measures a rule nobody chose.
        var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(WakeWordFiles.Release, "manifest.json"))).RootElement;
        var suggested = manifest.GetProperty("config").GetProperty("suggested_detector");
        var defaults = new WakeWordOptions();
        Assert.Equal(suggested.GetProperty("threshold").GetSingle(), defaults.Threshold, 3);
        Assert.Equal(suggested.GetProperty("smoothing_hops").GetInt32(), defaults.SmoothingHops);
        Assert.Equal(suggested.GetProperty("trigger_hops").GetInt32(), defaults.TriggerHops);
        Assert.Equal(suggested.GetProperty("refractory_ms").GetDouble(), defaults.Refractory.TotalMilliseconds);
    }

    [Fact]
    public void A_missing_model_file_is_refused_naming_the_key()
    {
        var e = Assert.Throws<ArgumentException>(() => new WakeWordDetector(new WakeWordOptions { ModelPath = "/nonexistent/model.onnx" }));
        Assert.Contains("WakeWord:ModelPath", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWakeWord_registers_the_detector_as_the_voice_folders_spotter_when_the_model_exists()
    {
        using var provider = Provider(new Dictionary<string, string?> { ["WakeWord:Threshold"] = "0.7" });
        var detector = provider.GetRequiredService<WakeWordDetector>();
        Assert.Same(detector, provider.GetRequiredService<IWakeWordSpotter>());
        Assert.Equal(0.7f, detector.Options.Threshold);
        Assert.InRange(provider.GetRequiredService<IWakeWordSpotter>().Listen().LastScore, 0f, 0f);
    }

    [Fact]
    public void AddWakeWord_registers_nothing_without_a_model_file()
    {
        using var provider = Provider(new Dictionary<string, string?> { ["WakeWord:ModelPath"] = "/nonexistent/model.onnx" });
        Assert.Null(provider.GetService<WakeWordDetector>());
        Assert.Null(provider.GetService<IWakeWordSpotter>());
    }

    [Fact]
    public void AddWakeWord_validates_the_options_at_start()
    {
        using var provider = Provider(new Dictionary<string, string?> { ["WakeWord:SmoothingHops"] = "0" });
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WakeWordOptions>>().Value);
        Assert.Contains("WakeWord:SmoothingHops", e.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddWakeWord(configuration);
        return services.BuildServiceProvider();
    }
}
