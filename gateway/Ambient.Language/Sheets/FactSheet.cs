namespace Ambient.Language;

/// <summary>
/// The delexicalised view of one <see cref="Facts"/> (README §1): the prompt the model is conditioned on, the value
/// of every slot it may write, the slots it must write and the device's length limit. Everything else here is the
/// prompt again in typed form (the grammar reads these, so it never knows more than the model sees).
/// </summary>
public sealed record FactSheet
{
    public required Intent Intent { get; init; }

    public required TargetDevice Device { get; init; }

    public required PartOfDay PartOfDay { get; init; }

    public required Persona Persona { get; init; }

    /// <summary>The control tokens, in order; <see cref="Prompt"/> is them joined by single spaces.</summary>
    public required IReadOnlyList<string> PromptTokens { get; init; }

    public string Prompt => string.Join(' ', PromptTokens);

    /// <summary>Slot token → the text that replaces it (only slots whose fact is known).</summary>
    public required IReadOnlyDictionary<string, string> SlotValues { get; init; }

    /// <summary>The slots a text for this intent must mention, each exactly once; a subset of <see cref="SlotValues"/>.</summary>
    public required IReadOnlyList<string> RequiredSlots { get; init; }

    /// <summary>Character limit of the filled text on the target device (the magnet also has to word-wrap, see <see cref="DeviceFit"/>).</summary>
    public required int MaxChars { get; init; }

    /// <summary>Null when there is no weather.</summary>
    public Sky? Sky { get; init; }

    public TemperatureBand? Temperature { get; init; }

    public bool RainLikely { get; init; }

    public bool WeatherIsStale { get; init; }

    /// <summary>The first up to three events, as the prompt describes them.</summary>
    public IReadOnlyList<EventShape> Events { get; init; } = [];

    /// <summary>Moods of the first up to three plants (the ones that are not OK come first).</summary>
    public IReadOnlyList<PlantMood> PlantMoods { get; init; } = [];

    public int ReminderCount { get; init; }

    public bool Has(string slot) => SlotValues.ContainsKey(slot);

    public bool HasWeather => Sky is not null;
}

/// <summary>
/// What the prompt says about event n: whether it has a time, whether it is tomorrow or on a later day (then it has
/// a weekday slot), whether it has a location. Neither tomorrow nor later: today.
/// </summary>
public sealed record EventShape(bool IsAllDay, bool IsTomorrow, bool IsLaterDay, bool HasLocation);
