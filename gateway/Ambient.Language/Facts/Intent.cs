namespace Ambient.Language;

/// <summary>What the text is for. Each intent has its own required slots and phrasings.</summary>
public enum Intent
{
    MorningGreeting,
    PlantReport,
    Reminder,
    EveningSummary,
    WhatsNext,
}
