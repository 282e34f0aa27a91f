using CsCheck;

namespace Ambient.Language.Tests.Validation;

public class DeviceFitTests
{
    [Fact]
    public void Wraps_greedily_at_thirty()
    {
        var lines = DeviceFit.Wrap("Good morning, Ana. It's 7° and light rain. Dentist at 9:30.");
        Assert.Equal(["Good morning, Ana. It's 7° and", "light rain. Dentist at 9:30."], lines);
        Assert.Null(DeviceFit.Wrap(new string('a', 31)));
    }

    [Fact]
    public void Wrapped_lines_never_exceed_the_width_and_keep_every_word()
    {
        var words = Gen.String[Gen.Char['a', 'z'], 1, 30];
        words.List[0, 40].Sample(list =>
        {
            var text = string.Join(' ', list);
            var lines = DeviceFit.Wrap(text)!;
            Assert.All(lines, l => Assert.True(l.Length <= 30, l));
            Assert.Equal(list, lines.SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        });
    }
}
