using System.ComponentModel.DataAnnotations;

namespace Ambient.Gateway.Greetings;

/// <summary>"Greetings" section: who the magnet greets.</summary>
public sealed class GreetingsOptions
{
    public const string Section = "Greetings";

    [Required(ErrorMessage = "Greetings:Person is required (the name the magnet greets)")]
    [StringLength(24, MinimumLength = 1, ErrorMessage = "Greetings:Person must be 1 to 24 characters")]
    public string Person { get; set; } = "there";

    /// <summary>The voice of the texts (warm, brief, cheerful); an unknown name reads as warm (Ambient.Language.Personas).</summary>
    [RegularExpression("(?i)^(warm|brief|cheerful)$", ErrorMessage = "Greetings:Persona must be warm, brief or cheerful")]
    public string Persona { get; set; } = "warm";

    /// <summary>Local time from which a magnet's presence asks for the morning greeting.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:00", ErrorMessage = "Greetings:MorningStart must be a time of day")]
    public TimeSpan MorningStart { get; set; } = new(6, 30, 0);

    /// <summary>Local time until which presence asks for the greeting.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "23:59:00", ErrorMessage = "Greetings:MorningEnd must be a time of day")]
    public TimeSpan MorningEnd { get; set; } = new(9, 30, 0);
}
