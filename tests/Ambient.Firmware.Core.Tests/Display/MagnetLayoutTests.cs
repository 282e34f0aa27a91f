using Ambient.Firmware.Display;
using Ambient.Firmware.Hal;
using Ambient.Protocol;
using CsCheck;

namespace Ambient.Firmware.Core.Tests.Display;

public sealed class MagnetLayoutTests
{
    private static DisplayMessage Message(params (LayoutHint Hint, string Text)[] sections) =>
        new() { Sections = sections.Select(s => new DisplaySection(s.Hint, s.Text)).ToArray() };

    private static List<LaidOutLine> Lines(MagnetLayout layout) =>
        Enumerable.Range(0, layout.LineCount).Select(layout.GetLine).ToList();

    private static void AssertInsidePanel(MagnetLayout layout, int width = 296, int height = 128)
    {
        var previousBottom = 0;
        foreach (var line in Lines(layout))
        {
            Assert.InRange(line.X, 0, width - (line.Text.Length * FontMetrics.CharWidth(line.Font)));
            Assert.InRange(line.Y, previousBottom, height - FontMetrics.LineHeight(line.Font));
            previousBottom = line.Y + FontMetrics.LineHeight(line.Font);
        }
    }

    [Fact]
    public void A_morning_message_puts_the_greeting_large_on_top_and_the_rest_small_below()
    {
        var layout = new MagnetLayout();

        layout.Arrange(Message(
            (LayoutHint.Greeting, "Good morning, Anna!"),
            (LayoutHint.Weather, "Rain from 14:00, 9 °C: take the umbrella."),
            (LayoutHint.NextEvent, "Dentist at 10:30"),
            (LayoutHint.PlantAlert, "The basil is thirsty.")));

        var lines = Lines(layout);
        Assert.Equal(
            [
                ("Good morning, Anna!", 0, 0, DisplayFont.Large),
                ("Rain from 14:00, 9 °C: take the", 0, 28, DisplayFont.Small),
                ("umbrella.", 0, 44, DisplayFont.Small),
                ("Dentist at 10:30", 0, 60, DisplayFont.Small),
                ("The basil is thirsty.", 0, 76, DisplayFont.Small),
            ],
            lines.Select(l => (l.Text, l.X, l.Y, l.Font)));
        Assert.Equal(0, layout.DroppedSections);
        Assert.False(layout.Truncated);
        AssertInsidePanel(layout);
    }

    [Fact]
    public void A_greeting_too_long_for_two_large_lines_is_set_small_rather_than_cut_and_still_comes_first()
    {
        var layout = new MagnetLayout();
        const string greeting = "Good morning, Anna! Rain later today, and the dentist is at half past ten.";

        layout.Arrange(Message((LayoutHint.Reminder, "Call Grandma"), (LayoutHint.Greeting, greeting)));

        var lines = Lines(layout);
        Assert.All(lines, l => Assert.Equal(DisplayFont.Small, l.Font));
        Assert.Equal(greeting, string.Join(" ", lines.Take(lines.Count - 1).Select(l => l.Text)));
        Assert.Equal("Call Grandma", lines[^1].Text);
        Assert.Equal(0, lines[0].Y);
        Assert.False(layout.Truncated);
    }

    [Fact]
    public void A_two_line_greeting_stays_large()
    {
        var layout = new MagnetLayout();

        layout.Arrange(Message((LayoutHint.Greeting, "Good morning, Anna and Ben!"), (LayoutHint.Weather, "Sunny, 21 °C")));

        var lines = Lines(layout);
        Assert.Equal(("Good morning, Anna and", DisplayFont.Large, 0), (lines[0].Text, lines[0].Font, lines[0].Y));
        Assert.Equal(("Ben!", DisplayFont.Large, 24), (lines[1].Text, lines[1].Font, lines[1].Y));
        Assert.Equal(("Sunny, 21 °C", DisplayFont.Small, 52), (lines[2].Text, lines[2].Font, lines[2].Y));
    }

    [Fact]
    public void When_sections_do_not_fit_the_lowest_priority_go_first_and_the_last_among_equals_before_the_first()
    {
        // 64 px = four small lines for six one-line sections: both plain ones go, the later one first.
        var layout = new MagnetLayout(296, 64);

        layout.Arrange(Message(
            (LayoutHint.Plain, "p1"),
            (LayoutHint.Weather, "weather"),
            (LayoutHint.Reminder, "reminder"),
            (LayoutHint.Plain, "p2"),
            (LayoutHint.PlantAlert, "plant"),
            (LayoutHint.NextEvent, "event")));

        Assert.Equal(["weather", "reminder", "plant", "event"], Lines(layout).Select(l => l.Text));
        Assert.Equal(2, layout.DroppedSections);

        layout.Arrange(Message(
            (LayoutHint.Plain, "p1"),
            (LayoutHint.Weather, "weather"),
            (LayoutHint.Reminder, "reminder"),
            (LayoutHint.Plain, "p2"),
            (LayoutHint.PlantAlert, "plant")));

        Assert.Equal(["p1", "weather", "reminder", "plant"], Lines(layout).Select(l => l.Text));
        Assert.Equal(1, layout.DroppedSections);
    }

    [Fact]
    public void Spare_lines_go_to_the_higher_priority_section_and_the_other_keeps_one_line_with_an_ellipsis()
    {
        var layout = new MagnetLayout(296, 64);
        var weather = "Cloudy in the morning, rain from two in the afternoon, clearing after dark with a cold wind.";
        var reminder = "Take the blue folder to the tax office before noon, the appointment is at eleven fifteen.";

        layout.Arrange(Message((LayoutHint.Weather, weather), (LayoutHint.Reminder, reminder)));

        var lines = Lines(layout);
        Assert.Equal(4, lines.Count);
        Assert.EndsWith(TextWrapper.Ellipsis, lines[0].Text);
        Assert.StartsWith("Take the blue folder", lines[1].Text, StringComparison.Ordinal);
        Assert.Equal(reminder, string.Join(" ", lines.Skip(1).Select(l => l.Text)));
        Assert.True(layout.Truncated);
        AssertInsidePanel(layout, height: 64);
    }

    [Fact]
    public void An_overlong_message_never_leaves_the_panel_and_keeps_the_greeting()
    {
        var layout = new MagnetLayout();
        var longText = string.Join(" ", Enumerable.Repeat("everything at once", 25));

        layout.Arrange(Message(
            (LayoutHint.Plain, longText),
            (LayoutHint.Weather, longText),
            (LayoutHint.Greeting, "Good morning!"),
            (LayoutHint.NextEvent, longText),
            (LayoutHint.PlantAlert, longText),
            (LayoutHint.Reminder, longText),
            (LayoutHint.Plain, longText),
            (LayoutHint.Weather, longText)));

        var lines = Lines(layout);
        Assert.Equal(("Good morning!", DisplayFont.Large, 0), (lines[0].Text, lines[0].Font, lines[0].Y));
        Assert.Equal(1, layout.DroppedSections);
        Assert.True(layout.Truncated);
        Assert.Equal(7, lines.Count);
        AssertInsidePanel(layout);
    }

    [Fact]
    public void Any_message_stays_inside_the_panel_with_every_kept_line_in_the_right_font()
    {
        var section = Gen.Select(Gen.Enum<LayoutHint>(), Gen.String[Gen.Char["ab "], 0, 300])
            .Select((hint, text) => new DisplaySection(hint, text));
        Gen.Select(section.Array[1, 8], Gen.Int[16, 200]).Sample((sections, height) =>
        {
            var layout = new MagnetLayout(296, height);

            layout.Arrange(new DisplayMessage { Sections = sections });

            AssertInsidePanel(layout, height: height);
            var nonEmpty = sections.Count(s => !string.IsNullOrWhiteSpace(s.Text));
            Assert.True(layout.LineCount >= nonEmpty - layout.DroppedSections);
            Assert.All(Lines(layout).Where(l => l.Font == DisplayFont.Large), l => Assert.True(l.Text.Length <= 24));
        }, iter: 2_000);
    }

    [Fact]
    public void Drawing_clears_then_writes_each_line_then_refreshes_once_as_the_message_asks()
    {
        var layout = new MagnetLayout();
        var display = new RecordingDisplay();
        var message = Message((LayoutHint.Greeting, "Hello Ben"), (LayoutHint.Reminder, "Bins go out tonight"));
        message.FullRefresh = true;

        layout.Draw(message, display);

        Assert.Equal(["Clear", "DrawText", "DrawText", "Refresh(full)"], display.Calls);
        Assert.Equal(("Hello Ben", 0, 0, DisplayFont.Large), display.Texts[0]);
        Assert.Equal(("Bins go out tonight", 0, 28, DisplayFont.Small), display.Texts[1]);

        message.FullRefresh = false;
        display.Calls.Clear();
        layout.Draw(message, display);

        Assert.Equal("Refresh(partial)", display.Calls[^1]);
    }

    [Fact]
    public void A_message_without_sections_draws_a_blank_screen()
    {
        var layout = new MagnetLayout();
        var display = new RecordingDisplay();

        layout.Draw(new DisplayMessage(), display);
        layout.Draw(Message((LayoutHint.Plain, "   "), (LayoutHint.Weather, "")), display);

        Assert.Equal(["Clear", "Refresh(partial)", "Clear", "Refresh(partial)"], display.Calls);
        Assert.Equal(0, layout.DroppedSections);
    }
}
