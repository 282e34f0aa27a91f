namespace Ambient.Language.Model;

/// <summary>What <see cref="LanguageModelFactory.Create"/> chose, and why (for the gateway's log and the status page).</summary>
public sealed record LanguageModelChoice(IGreetingGenerator Generator, bool UsesModel, string Reason);
