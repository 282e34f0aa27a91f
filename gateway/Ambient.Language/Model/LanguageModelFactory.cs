using Microsoft.ML.OnnxRuntime;

namespace Ambient.Language.Model;

/// <summary>
/// The greeting writer the gateway runs: the model when it is enabled and its files exist and load, else the
/// template, with the reason either way. Loading never throws for a missing or broken model: that is a fallback,
/// not a failed start (invalid options do throw: they are a configuration error).
/// </summary>
public static class LanguageModelFactory
{
    /// <param name="options">The Language:Model settings (invalid ones throw, naming the key).</param>
    /// <param name="template">The fallback, and what the model falls back to per greeting.</param>
    /// <param name="sheetOptions">How slot values are written; the same as the template's.</param>
    public static LanguageModelChoice Create(ModelOptions options, IGreetingGenerator template, FactSheetOptions? sheetOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(template);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        if (!options.Enabled)
        {
            return new LanguageModelChoice(template, UsesModel: false, $"{ModelOptions.SectionName}:Enabled is false: using the template");
        }

        foreach (var path in new[] { options.TokenizerPath, options.ModelPath })
        {
            if (!File.Exists(path))
            {
                return new LanguageModelChoice(template, UsesModel: false, $"no {Path.GetFileName(path)} in {options.ModelDirectory}: using the template");
            }
        }

        try
        {
            var generator = ModelGreetingGenerator.Load(options, template, sheetOptions);
            return new LanguageModelChoice(generator, UsesModel: true,
                $"model {options.ModelPath} loaded ({generator.Decoder.Model.Layers} layers, vocabulary {generator.Decoder.Tokenizer.VocabSize}, context {generator.Decoder.Model.ContextLength})");
        }
        catch (Exception e) when (e is OnnxRuntimeException or InvalidDataException or FormatException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new LanguageModelChoice(template, UsesModel: false, $"the model in {options.ModelDirectory} did not load ({e.GetType().Name}: {FirstLine(e.Message)}): using the template");
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
