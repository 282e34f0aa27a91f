namespace Ambient.Gateway.Memory;

/// <summary>The kinds of interaction remembered, as stored in memories.kind and shown by GET /api/memory.</summary>
public static class MemoryKinds
{
    public const string Greeting = "greeting";
    public const string Reminder = "reminder";
    public const string Plant = "plant";
    public const string Wake = "wake";
    public const string Button = "button";

    public static IReadOnlyList<string> All { get; } = [Greeting, Reminder, Plant, Wake, Button];
}
