using System.Collections.Concurrent;
using System.Text;

namespace Ambient.Language;

/// <summary>
/// Builds one delexicalised text for a sheet: an opening sentence, clauses chosen per intent, an optional closing.
/// <paramref name="detail"/> (0–3) says how much optional content to add: 0 is only what the intent requires.
/// Magnet and dashboard texts are short sentences; the earbud gets one sentence with the clauses joined by commas.
/// </summary>
internal sealed class TextComposer(FactSheet sheet, Chooser choose, int detail, int openingIndex = -1)
{
    public const int MaxDetail = 3;

    private readonly List<string> clauses = [];
    private readonly List<char> groups = [];
    private string? opening;
    private string? closing;

    private bool Earbud => sheet.Device == TargetDevice.Earbud;

    /// <summary>The delexicalised text (not yet validated).</summary>
    public string Compose()
    {
        switch (sheet.Intent)
        {
            case Intent.MorningGreeting:
                Morning();
                break;
            case Intent.EveningSummary:
                Evening();
                break;
            case Intent.Reminder:
                Reminder();
                break;
            case Intent.PlantReport:
                Plants();
                break;
            case Intent.WhatsNext:
                WhatsNext();
                break;
            default:
                throw new InvalidOperationException($"No grammar for {sheet.Intent}.");
        }

        return Render();
    }

    /// <summary>The opening this sheet's greeting would start with at index i (for the template's recent-text check).</summary>
    public static IReadOnlyList<string> Openings(FactSheet sheet) => sheet.Intent switch
    {
        Intent.MorningGreeting or Intent.EveningSummary => OpeningPhrases.For(sheet),
        Intent.PlantReport => PlantLeads(sheet),
        _ => [],
    };

    private void Morning()
    {
        opening = PickOpening(OpeningPhrases.For(sheet));
        // Sometimes the day's first event leads and the weather follows: both orders read naturally.
        var eventsFirst = sheet.Events.Count > 0 && choose.Maybe(0.3);
        if (eventsFirst)
        {
            MorningEvents();
        }

        if (sheet.HasWeather)
        {
            Add(NowPhrases());
            if (Want(1, 0.5))
            {
                Add(WeatherPhrases.Sky(sheet.Sky!.Value));
            }

            if (Want(2, 0.5))
            {
                Add(WeatherPhrases.Range);
            }

            RainClause(1);
            if (Want(2, 0.3))
            {
                Add(WeatherPhrases.Band(sheet.Temperature!.Value));
            }
        }

        if (!eventsFirst)
        {
            MorningEvents();
        }

        PlantMention(2, 0.4);
        if (Want(2, 0.3))
        {
            Add(WeatherPhrases.Indoor);
        }

        Closing(sheet.Device == TargetDevice.Magnet ? 3 : 1, 0.5);
    }

    private void MorningEvents()
    {
        if (sheet.Events.Count > 0)
        {
            Add(FirstEvent([.. EventPhrases.FirstToday, .. EventPhrases.MorningFirst]));
            MoreEvents(EventPhrases.LaterToday);
        }
        else if (Want(1, 0.5))
        {
            Add(EventPhrases.NoneToday);
        }
    }

    private void Evening()
    {
        opening = PickOpening(OpeningPhrases.For(sheet));
        var eventsFirst = sheet.Events.Count > 0 && choose.Maybe(0.35);
        if (sheet.HasWeather && !eventsFirst)
        {
            EveningWeather();
        }

        if (sheet.Events.Count > 0)
        {
            Add(FirstEvent([.. EventPhrases.FirstToday, .. EventPhrases.EveningToday]));
            MoreEvents(EventPhrases.LaterToday);
        }
        else if (Want(1, 0.6))
        {
            Add(sheet.PartOfDay is PartOfDay.Evening or PartOfDay.Night ? EventPhrases.NoneTomorrow : EventPhrases.NoneToday);
        }

        if (sheet.HasWeather && eventsFirst)
        {
            EveningWeather();
        }

        PlantMention(1, 0.5);
        if (Want(2, 0.3))
        {
            Add(WeatherPhrases.Indoor);
        }

        Closing(sheet.Device == TargetDevice.Magnet ? 2 : 1, 0.6);
    }

    private void EveningWeather()
    {
        Add(sheet.WeatherIsStale ? WeatherPhrases.TonightStale : WeatherPhrases.Tonight);
        RainClause(2);
    }

    private void Reminder()
    {
        if (sheet.ReminderCount == 0 || !sheet.Has(SlotNames.ReminderTitle))
        {
            opening = sheet.Has(SlotNames.Name) ? choose.One(ReminderPhrases.Nothing) : "Nothing is due right now.";
            return;
        }

        var named = sheet.Has(SlotNames.Name) && choose.Maybe(0.4);
        var sentence = named ? NamedReminder() : PlainReminder();
        var location = sheet.Has(SlotNames.ReminderLocation) && Want(1, 0.7) ? choose.One(ReminderPhrases.Location) : "";
        opening = sentence.Replace("{loc}", location, StringComparison.Ordinal);
        if (Earbud)
        {
            return;
        }

        if (sheet.HasWeather && Want(2, 0.3))
        {
            Add(WeatherPhrases.Sky(sheet.Sky!.Value));
        }

        if (Want(1, 0.4))
        {
            Add(ReminderPhrases.Extra);
        }
    }

    /// <summary>A reminder sentence without the name: a whole stock sentence, or lead + core + optional tail.</summary>
    private string PlainReminder()
    {
        // Stock sentences are few; most texts are composed, so the same reminder comes out in many shapes.
        var shape = choose.Index(6);
        if (shape == 0)
        {
            return choose.One(ReminderPhrases.Plain);
        }

        if (shape == 1)
        {
            return choose.One(ReminderPhrases.TimeFirst);
        }

        return $"{choose.One(ReminderPhrases.Leads)} {choose.One(ReminderPhrases.Cores)}{Tail()}.";
    }

    /// <summary>The name leads ("Ana, a gentle reminder: …"), closes ("…, Ana.") or a stock named sentence is used.</summary>
    private string NamedReminder() => choose.Index(5) switch
    {
        0 => choose.One(ReminderPhrases.Named),
        1 or 2 => $"<name>, {Uncapitalize(choose.One(ReminderPhrases.Leads))} {choose.One(ReminderPhrases.Cores)}{Tail()}.",
        _ => $"{choose.One(ReminderPhrases.Leads)} {choose.One(ReminderPhrases.Cores)}, <name>.",
    };

    private string Tail() => choose.Maybe(0.7) ? choose.One(ReminderPhrases.Tails) : "";

    // "A tiny prompt:" → "a tiny prompt:" after the name; acronyms and "I" keep their capital.
    private static string Uncapitalize(string phrase) =>
        phrase.Length > 1 && char.IsUpper(phrase[0]) && (char.IsLower(phrase[1]) || (phrase[1] == ' ' && phrase[0] != 'I'))
            ? char.ToLowerInvariant(phrase[0]) + phrase[1..]
            : phrase;

    private void Plants()
    {
        if (sheet.PlantMoods.Count == 0)
        {
            opening = choose.One(sheet.Has(SlotNames.Name) ? NoPlantsNamed : NoPlants);
            return;
        }

        var leads = PlantLeads(sheet);
        if (openingIndex >= 0 || Want(0, 0.7))
        {
            opening = PickOpening(leads);
        }

        // Plants in prompt order. Tried 2026-11-30: plants in any order, so the model would have to bind each mood to
        // <plant:N>'s own token rather than to a position. The retrained model bound moods worse on the held-out
        // combination (template fallback 3.1 % vs 1.9 % on 1,000 held-out facts, with the plant-mood guide), so the
        // order stays and the guide mends what position gets wrong.
        var skippedFine = false;
        for (var n = 1; n <= sheet.PlantMoods.Count; n++)
        {
            var mood = sheet.PlantMoods[n - 1];
            if (n == 1 || mood != PlantMood.Ok || Want(2, 0.5))
            {
                Add(Numbered(PlantPhrases.For(mood), n));
            }
            else
            {
                skippedFine = true;
            }
        }

        if (skippedFine && Want(1, 0.5))
        {
            Add(PlantPhrases.AllFine);
        }

        if (!Earbud && Want(1, 0.4))
        {
            closing = choose.One(PlantPhrases.SignOff);
        }
    }

    private void WhatsNext()
    {
        // Below one half, so the template (which takes the likely side) stays without an opening.
        if (sheet.Events.Count > 0 && choose.Maybe(0.45))
        {
            opening = choose.One(sheet.Has(SlotNames.Name) ? NextOpeningsNamed : NextOpenings);
        }

        if (sheet.Events.Count > 0)
        {
            Add(FirstEvent(EventPhrases.NextToday));
            MoreEvents(EventPhrases.LaterToday, 1);
        }
        else if (sheet.Has(SlotNames.Name))
        {
            Add(["nothing else on the calendar, <name>", "your calendar is clear, <name>", "<name>, nothing coming up", "no more plans today, <name>",
                "<name>, the rest of the day is open", "free from here on, <name>", "<name>, nothing else booked"]);
        }
        else
        {
            Add(EventPhrases.NoneNext);
        }

        if (sheet.HasWeather && Want(1, 0.35))
        {
            Add(sheet.WeatherIsStale ? WeatherPhrases.NowStale : WeatherPhrases.Now);
        }

        if (!Earbud && sheet.Events.Count > 0 && Want(1, 0.35))
        {
            closing = choose.One(NextClosings);
        }
    }

    private static readonly string[] NoPlantsNamed =
    [
        "<name>, no plants to report yet.", "No plants to report yet, <name>.", "<name>, no planters have checked in yet.",
        "Nothing from the pots yet, <name>.", "<name>, the plant sensors are quiet so far.", "No plant news yet, <name>.",
    ];

    private static readonly string[] NoPlants =
    [
        "No plants to report yet.", "No planters have checked in yet.", "Nothing from the pots yet.", "The plant sensors are quiet so far.",
        "No plant news yet.",
    ];

    private static readonly string[] NextClosings =
    [
        "That's the plan.", "Plenty of time.", "All set.", "Take it one at a time.", "Go gently.", "You're on top of it.",
        "Easy does it.", "One thing at a time.", "Enjoy the in-between.", "Have a breather first.",
    ];

    private static readonly string[] NextOpeningsNamed =
    [
        "Hi <name>.", "<name>, a look ahead.", "Hello <name>.", "Quick look ahead, <name>.", "<name>, here's what's next.",
        "Hey <name>.", "A quick one, <name>.", "<name>, a peek at the calendar.", "Checking the calendar, <name>.", "Hi there, <name>.",
        "<name>, here's the plan.", "Hello again, <name>.",
    ];

    // Statements, not colons: the first event clause often has a colon of its own ("next up: …").
    private static readonly string[] NextOpenings = ["A look ahead.", "Here's what's next.", "Quick look ahead.", "A peek at the calendar.", "Here's the plan."];

    private static List<string> PlantLeads(FactSheet sheet)
    {
        var leads = new List<string>();
        if (sheet.Has(SlotNames.Name))
        {
            leads.AddRange(["Hi <name>, a quick plant update:", "<name>, news from the plants:", "Hello <name>, plant check:",
                "<name>, a word from the windowsill:", "Hi <name>, the plants report:", "<name>, here's the green corner:",
                "Hey <name>, plant news:", "<name>, from the pots:", "Hello <name>, a leafy update:", "<name>, the plant round-up:",
                "Hi <name>, a note from the greenery:", "<name>, how the plants are doing:", "Hello <name>, pot by pot:"]);
        }

        leads.AddRange(["Plant check:", "A quick plant update:", "News from the plants:", "From the windowsill:", "The plants report:",
            "Leafy news:", "Word from the pots:", "Green corner update:", "Your plants today:", "The plant round-up:", "Pot by pot:",
            "How the plants are doing:", "A note from the greenery:"]);
        return leads;
    }

    private string[] NowPhrases()
    {
        if (sheet.WeatherIsStale)
        {
            return detail == 0 || !sheet.Has(SlotNames.Condition) ? WeatherPhrases.NowStaleShort : WeatherPhrases.NowStale;
        }

        return detail == 0 || !sheet.Has(SlotNames.Condition) ? WeatherPhrases.NowShort : WeatherPhrases.Now;
    }

    private void RainClause(int minDetail)
    {
        if (!sheet.Has(SlotNames.RainChance))
        {
            return;
        }

        if (sheet.RainLikely && Want(minDetail, 0.6))
        {
            Add(WeatherPhrases.RainLikely);
        }
        else if (!sheet.RainLikely && Want(3, 0.2))
        {
            Add(WeatherPhrases.RainUnlikely);
        }
    }

    private List<string> FirstEvent(IReadOnlyList<string> today) => EventClauses(1, today, EventPhrases.FirstTomorrow);

    private void MoreEvents(IReadOnlyList<string> laterToday, int minDetail = 2)
    {
        for (var n = 2; n <= sheet.Events.Count && Want(minDetail, 0.5); n++)
        {
            Add(EventClauses(n, laterToday, EventPhrases.LaterTomorrow));
        }
    }

    private List<string> EventClauses(int n, IReadOnlyList<string> today, IReadOnlyList<string> tomorrow)
    {
        var shape = sheet.Events[n - 1];
        var options = shape switch
        {
            { IsLaterDay: true, IsAllDay: true } => EventPhrases.AllDayOnDay,
            { IsLaterDay: true } => EventPhrases.OnDay,
            { IsTomorrow: true, IsAllDay: true } => EventPhrases.AllDayTomorrow,
            { IsTomorrow: true } => tomorrow,
            { IsAllDay: true } => EventPhrases.AllDayToday,
            _ => today,
        };

        var location = shape.HasLocation && Want(1, 0.4) ? choose.One(EventPhrases.Location) : "";
        return [.. options.Select(o => o.Replace("{loc}", location, StringComparison.Ordinal).Replace("#", Num(n), StringComparison.Ordinal))];
    }

    private void PlantMention(int minDetail, double p)
    {
        if (sheet.PlantMoods.Count > 0 && sheet.PlantMoods[0] != PlantMood.Ok && Want(minDetail, p))
        {
            Add(Numbered(PlantPhrases.For(sheet.PlantMoods[0]), 1));
        }
    }

    private void Closing(int minDetail, double p)
    {
        if (Earbud || !Want(minDetail, p))
        {
            return;
        }

        var usedBang = opening?.Contains('!', StringComparison.Ordinal) ?? false;
        var options = ClosingPhrases.For(sheet.PartOfDay, sheet.Persona).Where(c => !usedBang || !c.Contains('!', StringComparison.Ordinal)).ToList();
        if (options.Count > 0)
        {
            closing = choose.One(options);
        }
    }

    private string PickOpening(IReadOnlyList<string> options) =>
        openingIndex >= 0 && options.Count > 0 ? options[openingIndex % options.Count] : choose.One(options);

    private bool Want(int minDetail, double p) => detail >= minDetail && choose.Maybe(p);

    /// <summary>Adds one of the options whose slots all exist on this sheet.</summary>
    private void Add(IReadOnlyList<string> options)
    {
        // Never the same wording twice in one text ("Fern could use a brighter spot. Ivy could use a brighter spot.").
        var usable = options.Where(o => Usable(o) && !clauses.Any(c => SameWording(c, o))).ToList();
        if (usable.Count == 0)
        {
            usable = [.. options.Where(Usable)];
        }

        if (usable.Count > 0)
        {
            clauses.Add(choose.One(usable));
            groups.Add(Group(usable[0]));
        }
    }

    // Clauses about the same thing may share a sentence: weather 'w', events 'e', plants 'p', anything else 'o'.
    private static char Group(string phrase) =>
        phrase.Contains("<temp", StringComparison.Ordinal) || phrase.Contains("rain", StringComparison.Ordinal) ? 'w'
        : phrase.Contains("<event", StringComparison.Ordinal) ? 'e'
        : phrase.Contains("<plant", StringComparison.Ordinal) ? 'p'
        : 'o';

    private static bool SameWording(string a, string b) =>
        a.Length == b.Length && string.Equals(Digitless(a), Digitless(b), StringComparison.Ordinal);

    private static string Digitless(string clause) => string.Create(clause.Length, clause, (span, c) =>
    {
        for (var i = 0; i < c.Length; i++)
        {
            span[i] = char.IsAsciiDigit(c[i]) ? '#' : c[i];
        }
    });

    private bool Usable(string phrase) => SlotsOf.GetOrAdd(phrase, p => [.. SlotTokens.In(p)]).All(sheet.Has);

    // Phrases are a few hundred fixed strings; their slots are found once, not on every composition.
    private static readonly ConcurrentDictionary<string, string[]> SlotsOf = new(StringComparer.Ordinal);

    private static List<string> Numbered(IReadOnlyList<string> options, int n) =>
        [.. options.Select(o => o.Replace("#", Num(n), StringComparison.Ordinal))];

    private static string Num(int n) => n switch { 1 => "1", 2 => "2", _ => "3" };

    private string Render()
    {
        var text = new StringBuilder();
        if (Earbud)
        {
            if (opening is not null)
            {
                text.Append(clauses.Count == 0 ? opening : StripEnd(opening));
            }

            for (var i = 0; i < clauses.Count; i++)
            {
                var separator = text.Length == 0 ? "" : i == 0 && opening!.EndsWith(':') ? " " : i > 0 && i == clauses.Count - 1 ? LastJoin(clauses[i]) : ", ";
                text.Append(separator).Append(text.Length == 0 ? Capitalize(clauses[i]) : clauses[i]);
            }

            if (clauses.Count > 0)
            {
                text.Append('.');
            }

            return text.ToString();
        }

        if (opening is not null)
        {
            text.Append(opening);
        }

        var sentenceOpen = false;
        var merged = 0;
        var afterColon = opening?.EndsWith(':') ?? false;
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            if (afterColon)
            {
                // "Plant check: Fern would like some water, and Ivy is happy." reads as one list.
                text.Append(' ').Append(clause);
                afterColon = false;
                sentenceOpen = true;
            }
            else if (sentenceOpen && merged == 0 && groups[i] == groups[i - 1] && groups[i] != 'o' && choose.Maybe(0.3))
            {
                // At most two clauses a sentence, and only about the same thing: "Dentist at 9:00, then yoga at 10:00."
                text.Append(groups[i] == 'p' ? choose.One(PlantJoins) : ", ").Append(clause);
                merged++;
            }
            else
            {
                if (sentenceOpen)
                {
                    text.Append('.');
                }

                text.Append(text.Length == 0 ? "" : " ").Append(Capitalize(Connective(clause, i)));
                sentenceOpen = true;
                merged = 0;
            }
        }

        if (sentenceOpen)
        {
            text.Append('.');
        }

        if (closing is not null)
        {
            text.Append(' ').Append(closing);
        }

        return text.ToString();
    }

    // The earbud's last clause: ", and" a little under half the time, otherwise a lighter join (the template, which
    // takes the likely side, says " and "); "also" only before a clause that has no lead of its own.
    private string LastJoin(string clause) =>
        !choose.Maybe(0.55) ? ", and "
        : clause.StartsWith('<') ? choose.One(clause.StartsWith("<plant", StringComparison.Ordinal) ? [.. EarbudJoins, ", while "] : EarbudJoins)
        : choose.One(EarbudJoins.Where(j => !j.Contains("also", StringComparison.Ordinal)).ToList());

    private static readonly string[] PlantJoins = [" and ", ", and ", ", while "];

    private static readonly string[] EarbudJoins = [" and ", ", plus ", ", and also ", ", also ", ", and then ", ", and on top of that "];

    // A later sentence that starts with a fact (a slot) may get a small link word, so texts don't all read as lists.
    private string Connective(string clause, int index) =>
        index > 0 && clause.StartsWith('<') && choose.Maybe(0.4) ? choose.One(Connectives) + clause : clause;

    private static readonly string[] Connectives =
        ["also, ", "and ", "plus, ", "meanwhile, ", "oh, and ", "by the way, ", "on top of that, ", "in other news, ", "what's more, ", "one more thing: ",
            "besides, ", "and then, ", "also worth knowing: ",
            "elsewhere, ", "on another note, ", "as well, ", "and finally, "];

    private static string StripEnd(string sentence) => sentence.TrimEnd('.', '!', '?');

    private static string Capitalize(string clause) =>
        clause.Length > 0 && char.IsLower(clause[0]) ? char.ToUpperInvariant(clause[0]) + clause[1..] : clause;
}
