namespace Ambient.Language;

/// <summary>One line of the teacher corpus (README §2). Training reads only <see cref="Prompt"/> and <see cref="Text"/>.</summary>
public sealed record CorpusLine(Intent Intent, Facts Facts, string Prompt, string Text);
