using System.Diagnostics;
using System.Globalization;
using Ambient.Gateway.Calendar;
using Ambient.Gateway.Greetings;
using Ambient.Gateway.Reminders;
using Ambient.Language;
using EventFacts = Ambient.Language.EventFacts;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Voice;

/// <summary>
/// What the earbud says: the facts of a due reminder (<see cref="Intent.Reminder"/>) or of what comes next
/// (<see cref="Intent.WhatsNext"/>: the next calendar events and the reminder last delivered and not yet
/// answered) go to the registered <see cref="IGreetingGenerator"/> (the project's model or its template) for one
/// spoken sentence. Without a generator, or when it fails, a fixed sentence built from the same facts is spoken,
/// so a reminder is never silent. Every name and time comes from the facts.
/// </summary>
public sealed class VoiceScript(
    ICalendarOccurrences calendar,
    ReminderScheduler reminders,
    IOptionsMonitor<GreetingsOptions> greetings,
    IOptions<CalendarOptions> calendarOptions,
    TimeProvider time,
    ILogger<VoiceScript> logger,
    IGreetingGenerator? generator = null)
{
    private static readonly TimeSpan Ahead = TimeSpan.FromHours(18);

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(calendarOptions.Value.TimeZone);

    public SpokenText ForReminder(Reminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var facts = Facts(Intent.Reminder, [], [new ReminderFacts(reminder.Summary, Local(reminder.EventStart), reminder.Location)]);
        return Write(facts);
    }

    public SpokenText WhatsNext()
    {
        var now = time.GetUtcNow();
        var events = calendar.GetOccurrences(now, now + Ahead)
            .Where(o => o.Start >= now || o.IsAllDay)
            .Take(3)
            .Select(o => new EventFacts(o.Summary, Local(o.Start), o.IsAllDay, o.Location))
            .ToList();
        var open = reminders.LatestSent() is { } r && r.EventStart >= now
            ? new List<ReminderFacts> { new(r.Summary, Local(r.EventStart), r.Location) }
            : [];
        return Write(Facts(Intent.WhatsNext, events, open));
    }

    // CurrentValue on every text: a person or persona saved in the dashboard is used by the next sentence.
    private Facts Facts(Intent intent, IReadOnlyList<EventFacts> events, IReadOnlyList<ReminderFacts> due)
    {
        var g = greetings.CurrentValue;
        return new(intent, g.Person, Local(time.GetUtcNow()), null, events, [], due, TargetDevice.Earbud, g.Persona);
    }

    private SpokenText Write(Facts facts)
    {
        if (generator is not null)
        {
            try
            {
                var text = generator.Generate(facts);
                if (!string.IsNullOrWhiteSpace(text.Text))
                {
                    return new SpokenText(text.Text, text.MadeBy switch
                    {
                        MadeBy.Model => "model",
                        MadeBy.ModelResampled => "model, resampled",
                        _ => "template",
                    }, text.Milliseconds);
                }
            }
#pragma warning disable CA1031 // Whatever the writer's failure, the reminder is still spoken (the fixed sentence).
            catch (Exception e)
#pragma warning restore CA1031
            {
                VoiceLog.WriterFailed(logger, facts.Intent.ToString(), e);
            }
        }

        var clock = Stopwatch.StartNew();
        var fixedText = Fixed(facts);
        return new SpokenText(fixedText, "fixed", clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>The sentence spoken without a generator: plain, complete, made of the facts only.</summary>
    internal static string Fixed(Facts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var c = CultureInfo.InvariantCulture;
        if (facts.Intent == Intent.Reminder && facts.Reminders.Count > 0)
        {
            var r = facts.Reminders[0];
            var minutes = (int)Math.Round((r.At - facts.LocalTime).TotalMinutes);
            var when = minutes > 0 ? string.Create(c, $" at {r.At:H:mm}, in {minutes} minute{(minutes == 1 ? "" : "s")}") : string.Create(c, $" at {r.At:H:mm}");
            return $"Reminder: {r.Title}{when}{(r.Location is { } l ? ", " + l : "")}.";
        }

        var timed = facts.NextEvents.Where(e => !e.IsAllDay).ToList();
        if (timed.Count == 0)
        {
            var allDay = facts.NextEvents.FirstOrDefault(e => e.IsAllDay);
            return allDay is null ? "Nothing else on the calendar today." : $"Nothing else at a set time today; all day: {allDay.Title}.";
        }

        var first = timed[0];
        var text = string.Create(c, $"Next: {first.Title} at {first.Start:H:mm}{(first.Location is { } where ? " at " + where : "")}.");
        if (timed.Count > 1)
        {
            text += string.Create(c, $" Then {timed[1].Title} at {timed[1].Start:H:mm}.");
        }

        return text;
    }

    private DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone);
}
