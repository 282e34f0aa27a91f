namespace Ambient.Language;

/// <summary>
/// Which prompts are held out of training, so the eval sees fact combinations the model never saw: one prompt in
/// twenty by a stable hash of the prompt string, plus two whole combinations the teacher never trains on (an
/// evening summary on the earbud in fog; a plant report whose third plant is too hot).
/// </summary>
public static class Holdout
{
    public const int Modulus = 20;

    public static bool IsHeldOut(FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        if (sheet.Intent == Intent.EveningSummary && sheet.Device == TargetDevice.Earbud && sheet.Sky == Sky.Fog)
        {
            return true;
        }

        if (sheet.Intent == Intent.PlantReport && sheet.PlantMoods.Count >= 3 && sheet.PlantMoods[2] == PlantMood.TooHot)
        {
            return true;
        }

        return Fnv1a(sheet.Prompt) % Modulus == 0;
    }

    /// <summary>32-bit FNV-1a over the UTF-8 bytes: the same in Python (<c>gateway/model</c>) as here, unlike string.GetHashCode.</summary>
    public static uint Fnv1a(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}
