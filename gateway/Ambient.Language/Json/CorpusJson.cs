using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ambient.Language;

/// <summary>
/// Corpus lines ⇄ JSON. Written with relaxed escaping so prompts read as "&lt;intent:morning&gt;" and names as "Zoë"
/// in the file (still valid JSON for Python's json module).
/// </summary>
public static class CorpusJson
{
    private static readonly JsonTypeInfo<CorpusLine> Relaxed = (JsonTypeInfo<CorpusLine>)new JsonSerializerOptions(FactsJson.SerializerOptions)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }.GetTypeInfo(typeof(CorpusLine));

    public static string Serialize(CorpusLine line) => JsonSerializer.Serialize(line, Relaxed);

    /// <summary>
    /// Reads and checks one external line: well-formed, facts valid, intent and prompt agree with the facts, text
    /// passes <see cref="TextValidator"/> and its prompt is not held out. Returns the reason when it is not usable.
    /// </summary>
    public static bool TryRead(string json, out CorpusLine? line, out string? reason)
    {
        line = null;
        reason = null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                reason = "not a JSON object";
                return false;
            }

            string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (!root.TryGetProperty("facts", out var factsElement))
            {
                reason = "facts: is required";
                return false;
            }

            var prompt = Text("prompt");
            var text = Text("text");
            var intent = Text("intent");
            if (prompt is null || text is null || intent is null)
            {
                reason = $"{(intent is null ? "intent" : prompt is null ? "prompt" : "text")}: is required (a string)";
                return false;
            }

            Facts facts;
            try
            {
                facts = FactsJson.Parse(factsElement.GetRawText());
            }
            catch (FactsFormatException e)
            {
                reason = "facts." + e.Message;
                return false;
            }

            var sheet = FactSheets.From(facts);
            if (intent != JsonNamingPolicy.SnakeCaseLower.ConvertName(facts.Intent.ToString()))
            {
                reason = $"intent: \"{intent}\" does not match facts.intent";
                return false;
            }

            if (prompt != sheet.Prompt)
            {
                reason = $"prompt: does not match the facts (expected \"{sheet.Prompt}\")";
                return false;
            }

            if (Holdout.IsHeldOut(sheet))
            {
                reason = "prompt: held out for the eval";
                return false;
            }

            var problems = TextValidator.Validate(text, sheet);
            if (problems.Count > 0)
            {
                reason = "text: " + string.Join("; ", problems);
                return false;
            }

            line = new CorpusLine(facts.Intent, facts, prompt, text);
            return true;
        }
        catch (JsonException e)
        {
            reason = "not valid JSON: " + e.Message;
            return false;
        }
    }

    /// <summary>A generated line for these facts and a delexicalised text.</summary>
    public static CorpusLine Line(Facts facts, FactSheet sheet, string text)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(sheet);
        return new CorpusLine(facts.Intent, facts, sheet.Prompt, text);
    }
}
