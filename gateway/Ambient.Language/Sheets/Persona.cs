namespace Ambient.Language;

/// <summary>
/// The voice a household picked (<see cref="Facts.Persona"/>). Unknown names read as <see cref="Warm"/>, so a typo
/// in settings never breaks a greeting.
/// </summary>
public enum Persona
{
    Warm,
    Brief,
    Cheerful,
}

public static class Personas
{
    public static Persona Parse(string? name) =>
        Enum.TryParse<Persona>(name, ignoreCase: true, out var persona) && Enum.IsDefined(persona) ? persona : Persona.Warm;
}
