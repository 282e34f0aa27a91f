namespace Ambient.Language;

/// <summary>Facts → <see cref="FactSheet"/> (pure: same facts, same sheet).</summary>
public static class FactSheets
{
    /// <summary>From this rain chance on, the prompt says <see cref="SpecialTokens.RainLikely"/>.</summary>
    public const int RainLikelyPercent = 40;

    public static FactSheet From(Facts facts, FactSheetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        options ??= FactSheetOptions.Default;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Put(string slot, string? value)
        {
            if (value is not null)
            {
                values[slot] = value;
            }
        }

        var partOfDay = PartsOfDay.Of(facts.LocalTime);
        var persona = Personas.Parse(facts.Persona);
        var tokens = new List<string>
        {
            SpecialTokens.Intent(facts.Intent),
            SpecialTokens.Device(facts.Target),
            SpecialTokens.PartOfDay(partOfDay),
            SpecialTokens.Persona(persona),
        };

        Put(SlotNames.Name, SlotFormat.Text(facts.Person, SlotFormat.NameChars));

        var weather = facts.Weather;
        TemperatureBand? band = null;
        var rainLikely = false;
        if (weather is not null)
        {
            band = TemperatureBands.Of(weather.NowCelsius);
            rainLikely = weather.RainChancePercent >= RainLikelyPercent;
            tokens.Add(SpecialTokens.Sky(weather.Sky));
            tokens.Add(SpecialTokens.Temperature(band.Value));
            if (rainLikely)
            {
                tokens.Add(SpecialTokens.RainLikely);
            }

            if (weather.IsStale)
            {
                tokens.Add(SpecialTokens.Stale);
            }

            Put(SlotNames.TempNow, SlotFormat.Celsius(weather.NowCelsius));
            Put(SlotNames.TempHigh, SlotFormat.Celsius(weather.HighCelsius));
            Put(SlotNames.TempLow, SlotFormat.Celsius(weather.LowCelsius));
            Put(SlotNames.Condition, Condition(weather));
            if (weather.RainChancePercent is { } rain)
            {
                Put(SlotNames.RainChance, SlotFormat.Percent(rain));
            }
        }

        if (facts.IndoorCelsius is { } inside)
        {
            Put(SlotNames.IndoorTemp, SlotFormat.Celsius(inside));
        }

        var events = new List<EventShape>();
        tokens.Add(SpecialTokens.EventCount(facts.NextEvents.Count));
        for (var i = 0; i < Math.Min(facts.NextEvents.Count, SlotNames.MaxEvents); i++)
        {
            var e = facts.NextEvents[i];
            var n = i + 1;
            var start = e.Start.ToOffset(facts.LocalTime.Offset);
            var days = (start.Date - facts.LocalTime.Date).Days;
            var location = SlotFormat.Text(e.Location, SlotFormat.LocationChars);
            events.Add(new EventShape(e.IsAllDay, days == 1, days > 1, location is not null));
            if (e.IsAllDay)
            {
                tokens.Add(SpecialTokens.EventAllDay(n));
            }

            if (days == 1)
            {
                tokens.Add(SpecialTokens.EventTomorrow(n));
            }
            else if (days > 1)
            {
                tokens.Add(SpecialTokens.EventLaterDay(n));
                Put(SlotNames.EventDay(n), start.DayOfWeek.ToString());
            }

            // A title is what the event is called; an untitled one still gets a word to point at.
            Put(SlotNames.EventTitle(n), SlotFormat.Text(e.Title, SlotFormat.TitleChars) ?? "an event");
            if (!e.IsAllDay)
            {
                Put(SlotNames.EventTime(n), SlotFormat.Time(start, options.Use24HourClock));
            }

            Put(SlotNames.EventLocation(n), location);
        }

        // Plants that need something come first (stable otherwise), so plant1 is always the one worth saying.
        var plants = facts.Plants.Where(p => p.Mood != PlantMood.Ok).Concat(facts.Plants.Where(p => p.Mood == PlantMood.Ok)).Take(SlotNames.MaxPlants).ToList();
        tokens.Add(SpecialTokens.PlantCount(facts.Plants.Count));
        for (var i = 0; i < plants.Count; i++)
        {
            var p = plants[i];
            var n = i + 1;
            tokens.AddRange(SpecialTokens.PlantMood(n, p.Mood));
            Put(SlotNames.PlantName(n), SlotFormat.Text(p.Name, SlotFormat.PlantNameChars) ?? "a plant");
            if (p.MoisturePercent is { } m)
            {
                Put(SlotNames.PlantMoisture(n), SlotFormat.Percent(m));
            }

            if (p.DaysUntilDry is { } d)
            {
                Put(SlotNames.PlantDays(n), SlotFormat.Days(d));
            }
        }

        tokens.Add(SpecialTokens.ReminderCount(facts.Reminders.Count));
        if (facts.Reminders.Count > 0)
        {
            var r = facts.Reminders[0];
            Put(SlotNames.ReminderTitle, SlotFormat.Text(r.Title, SlotFormat.TitleChars) ?? "your next thing");
            Put(SlotNames.ReminderTime, SlotFormat.Time(r.At.ToOffset(facts.LocalTime.Offset), options.Use24HourClock));
            Put(SlotNames.ReminderLocation, SlotFormat.Text(r.Location, SlotFormat.LocationChars));
        }

        foreach (var slot in SlotNames.All)
        {
            if (values.ContainsKey(slot))
            {
                tokens.Add(SpecialTokens.Has(slot));
            }
        }

        return new FactSheet
        {
            Intent = facts.Intent,
            Device = facts.Target,
            PartOfDay = partOfDay,
            Persona = persona,
            PromptTokens = tokens,
            SlotValues = values,
            RequiredSlots = Required(facts.Intent, values, events, plants),
            MaxChars = DeviceLimits.MaxChars(facts.Target),
            Sky = weather?.Sky,
            Temperature = band,
            RainLikely = rainLikely,
            WeatherIsStale = weather?.IsStale ?? false,
            Events = events,
            PlantMoods = [.. plants.Select(p => p.Mood)],
            ReminderCount = facts.Reminders.Count,
        };
    }

    /// <summary>
    /// What each intent must say (only slots that exist): the greeting the name, the weather now and the first
    /// event; the evening the night's low and tomorrow's first event; a reminder what and when; a plant report
    /// every plant that needs something (or the first one); what's next the first event. With nothing to report,
    /// the name.
    /// </summary>
    private static List<string> Required(Intent intent, Dictionary<string, string> values, List<EventShape> events, List<PlantFacts> plants)
    {
        var required = new List<string>();
        void Need(string slot)
        {
            if (values.ContainsKey(slot) && !required.Contains(slot))
            {
                required.Add(slot);
            }
        }

        void FirstEvent()
        {
            if (events.Count > 0)
            {
                Need(SlotNames.EventTitle(1));
                Need(SlotNames.EventDay(1));
                Need(SlotNames.EventTime(1));
            }
        }

        switch (intent)
        {
            case Intent.MorningGreeting:
                Need(SlotNames.Name);
                Need(SlotNames.TempNow);
                FirstEvent();
                break;
            case Intent.EveningSummary:
                Need(SlotNames.Name);
                Need(SlotNames.TempLow);
                FirstEvent();
                break;
            case Intent.Reminder:
                Need(SlotNames.ReminderTitle);
                Need(SlotNames.ReminderTime);
                break;
            case Intent.PlantReport:
                for (var i = 0; i < plants.Count; i++)
                {
                    if (i == 0 || plants[i].Mood != PlantMood.Ok)
                    {
                        Need(SlotNames.PlantName(i + 1));
                    }
                }

                break;
            case Intent.WhatsNext:
                FirstEvent();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(intent), intent, null);
        }

        if (required.Count == 0)
        {
            Need(SlotNames.Name);
        }

        return required;
    }

    /// <summary>
    /// The condition as the text may say it, or null when it says nothing: an unmapped weather code arrives as
    /// "unknown weather" (<see cref="Sky.Unknown"/>), and "unknown with the air at 9°" is not a sentence for a kitchen.
    /// Without the slot the teacher, the template and the decoder's slot mask all fall back to the temperature alone.
    /// </summary>
    private static string? Condition(WeatherFacts weather)
    {
        var text = SlotFormat.Text(weather.Condition, SlotFormat.ConditionChars)?.ToLowerInvariant();
        return weather.Sky == Sky.Unknown && text is not null && text.Contains("unknown", StringComparison.Ordinal) ? null : text;
    }
}
