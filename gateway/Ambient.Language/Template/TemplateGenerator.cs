using System.Diagnostics;

namespace Ambient.Language;

/// <summary>
/// The deterministic fallback (and the bar the model must beat): the teacher grammar with its first choice
/// everywhere, as much detail as fits the device, avoiding the opening of the person's recent texts. Same facts,
/// same text; always valid.
/// </summary>
public sealed class TemplateGenerator(FactSheetOptions? options = null) : IGreetingGenerator
{
    public GeneratedText Generate(Facts facts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var started = Stopwatch.GetTimestamp();
        var sheet = FactSheets.From(facts, options);
        var text = Generate(sheet, facts.RecentTexts ?? []);
        return new GeneratedText(text, MadeBy.Template, Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1, []);
    }

    /// <summary>The filled text for a sheet already made (the model's fallback path has one).</summary>
    public static string Generate(FactSheet sheet, IReadOnlyList<string> recentTexts) =>
        SlotFiller.Fill(TeacherGrammar.TemplateText(sheet, recentTexts), sheet);
}
