using System.ComponentModel.DataAnnotations;

namespace Ambient.Gateway.Greetings;

/// <summary>"Greetings" section: who the magnet greets.</summary>
public sealed class GreetingsOptions
{
    public const string Section = "Greetings";

    [Required(ErrorMessage = "Greetings:Person is required (the name the magnet greets)")]
    [StringLength(24, MinimumLength = 1, ErrorMessage = "Greetings:Person must be 1 to 24 characters")]
    public string Person { get; set; } = "there";
}
