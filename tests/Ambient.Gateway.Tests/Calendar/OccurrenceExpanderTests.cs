using Ambient.Gateway.Calendar;

namespace Ambient.Gateway.Tests.Calendar;

public sealed class OccurrenceExpanderTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly TimeSpan Cest = TimeSpan.FromHours(2);

    internal static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Calendar", "Fixtures", name);

    private static IReadOnlyList<CalendarOccurrence> Expand(string fixture, DateTimeOffset from, DateTimeOffset until)
    {
        var calendar = IcsParser.Parse(fixture, File.ReadAllText(Fixture(fixture)));
        return OccurrenceExpander.Expand(calendar, new CalendarSourceOptions { Name = "family", Owner = "anna" }, Berlin, from, until);
    }

    [Fact]
    public void A_weekly_event_keeps_its_wall_clock_time_across_the_end_of_daylight_saving()
    {
        // Berlin leaves CEST (+02:00) for CET (+01:00) on Sunday 25 October 2026.
        var occurrences = Expand("weekly-dst.ics", new(2026, 10, 12, 0, 0, 0, Cest), new(2026, 11, 4, 0, 0, 0, Cet));

        Assert.Equal(
            [
                new DateTimeOffset(2026, 10, 13, 18, 30, 0, Cest),
                new DateTimeOffset(2026, 10, 20, 18, 30, 0, Cest),
                new DateTimeOffset(2026, 10, 27, 18, 30, 0, Cet),
                new DateTimeOffset(2026, 11, 3, 18, 30, 0, Cet),
            ],
            occurrences.Select(o => o.Start));
        Assert.Equal([Cest, Cest, Cet, Cet], occurrences.Select(o => o.Start.Offset));
        Assert.Equal(new DateTimeOffset(2026, 10, 27, 17, 30, 0, TimeSpan.Zero), occurrences[2].Start.ToUniversalTime());
        Assert.All(occurrences, o => Assert.Equal(TimeSpan.FromMinutes(90), o.End - o.Start));
        Assert.All(occurrences, o => Assert.Equal(("family", "anna", "choir@test"), (o.Calendar, o.Owner, o.Uid)));
    }

    [Fact]
    public void Exdate_removes_an_occurrence_and_a_recurrence_id_override_replaces_one()
    {
        var occurrences = Expand("exceptions.ics", new(2026, 11, 30, 0, 0, 0, Cet), new(2026, 12, 8, 0, 0, 0, Cet));

        Assert.Equal(
            [
                (new DateTimeOffset(2026, 11, 30, 7, 0, 0, Cet), "Dog walk"),
                (new DateTimeOffset(2026, 12, 1, 7, 0, 0, Cet), "Dog walk"),
                // 2 December is excluded; 3 December moved to 09:00 with its own title.
                (new DateTimeOffset(2026, 12, 3, 9, 0, 0, Cet), "Dog walk (late, vet first)"),
                (new DateTimeOffset(2026, 12, 4, 7, 0, 0, Cet), "Dog walk"),
            ],
            occurrences.Select(o => (o.Start, o.Summary)));
        // The moved occurrence keeps the identity of the one it replaces.
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 7, 0, 0, Cet), occurrences[2].OriginalStart);
        Assert.DoesNotContain(occurrences, o => o.Uid == "cancelled@test");
    }

    [Fact]
    public void All_day_dates_floating_times_utc_and_other_zones_land_in_the_household_zone()
    {
        var occurrences = Expand("zones-and-all-day.ics", new(2026, 12, 1, 0, 0, 0, Cet), new(2026, 12, 2, 0, 0, 0, Cet));

        var byUid = occurrences.ToDictionary(o => o.Uid);
        Assert.Equal(4, occurrences.Count);
        Assert.True(byUid["birthday@test"].IsAllDay);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, Cet), byUid["birthday@test"].Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, Cet), byUid["birthday@test"].End);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 0, Cet), byUid["utc@test"].Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, Cet), byUid["floating@test"].Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 14, 0, 0, Cet), byUid["newyork@test"].Start);
        Assert.Equal("Phone", byUid["newyork@test"].Location);
        Assert.False(byUid["newyork@test"].IsAllDay);
    }

    [Fact]
    public void Only_occurrences_overlapping_the_window_are_returned()
    {
        var occurrences = Expand("weekly-dst.ics", new(2026, 10, 20, 19, 0, 0, Cest), new(2026, 10, 27, 18, 30, 0, Cet));

        // 20 Oct 18:30–20:00 is still running at 19:00; 27 Oct starts exactly at the (exclusive) end.
        Assert.Equal([new DateTimeOffset(2026, 10, 20, 18, 30, 0, Cest)], occurrences.Select(o => o.Start));
    }

    [Fact]
    public void A_broken_file_is_an_error_naming_the_calendar_and_the_reason()
    {
        var error = Assert.Throws<CalendarLoadException>(() => IcsParser.Parse("kids", File.ReadAllText(Fixture("broken.ics"))));

        Assert.StartsWith("calendar 'kids': ", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length > "calendar 'kids': ".Length);
    }

    [Fact]
    public void Text_that_is_not_icalendar_is_rejected_with_the_reason()
    {
        var error = Assert.Throws<CalendarLoadException>(() => IcsParser.Parse("work", "<html>Login required</html>"));

        Assert.Equal("calendar 'work': not an iCalendar file (it does not start with BEGIN:VCALENDAR)", error.Message);
    }

    [Fact]
    public void The_shipped_sample_calendar_has_recurring_events_every_week()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Calendar", "sample.ics"));
        var calendar = IcsParser.Parse("sample", text);

        var week = OccurrenceExpander.Expand(calendar, new CalendarSourceOptions { Name = "sample" }, Berlin,
            new(2026, 12, 7, 0, 0, 0, Cet), new(2026, 12, 14, 0, 0, 0, Cet));

        Assert.Contains(week, o => o.Summary == "Yoga" && o.Start == new DateTimeOffset(2026, 12, 8, 18, 30, 0, Cet));
        Assert.Contains(week, o => o.Summary == "Piano lesson (moved to Thursday)" && o.Start == new DateTimeOffset(2026, 12, 10, 17, 0, 0, Cet));
        Assert.DoesNotContain(week, o => o.Summary == "Piano lesson" && o.Start.Date == new DateTime(2026, 12, 9));
        Assert.Equal(7, week.Count(o => o.Summary == "Take vitamins"));
    }
}
