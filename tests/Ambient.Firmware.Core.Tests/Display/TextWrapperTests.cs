using Ambient.Firmware.Display;
using CsCheck;

namespace Ambient.Firmware.Core.Tests.Display;

public sealed class TextWrapperTests
{
    private static readonly Gen<string> Word = Gen.Char['a', 'z'].Array[1, 45].Select(c => new string(c));

    // Words separated by one to three spaces: what the gateway sends (unwrapped text).
    private static readonly Gen<string> Text =
        Gen.Select(Word, Gen.Int[1, 3]).Array[0, 30].Select(parts =>
            string.Concat(parts.Select(p => p.Item1 + new string(' ', p.Item2))).TrimEnd());

    // Single spaces, so "the next word would have fitted" is a plain length sum (other blanks are kept as sent).
    private static readonly Gen<string> SingleSpacedText = Word.Array[0, 30].Select(words => string.Join(' ', words));

    private static string[] WrapAll(string text, int width, int maxLines, out bool truncated)
    {
        var lines = new string[maxLines];
        var count = TextWrapper.Wrap(text, width, lines, 0, maxLines, out truncated);
        return lines[..count];
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public void Words_are_wrapped_at_spaces_into_lines_no_longer_than_the_width()
    {
        var lines = WrapAll("Good morning, Anna! Rain from two, so take the umbrella.", 24, 10, out var truncated);

        Assert.Equal(["Good morning, Anna! Rain", "from two, so take the", "umbrella."], lines);
        Assert.False(truncated);
    }

    [Fact]
    public void A_word_longer_than_a_line_is_cut_and_starts_on_its_own_line()
    {
        var lines = WrapAll("Hi Supercalifragilisticexpialidocious ok", 10, 10, out _);

        Assert.Equal(["Hi", "Supercalif", "ragilistic", "expialidoc", "ious ok"], lines);
    }

    [Fact]
    public void A_newline_starts_a_new_line_and_a_blank_line_stays_blank()
    {
        var lines = WrapAll("Dentist 10:30\nBring the card\n\nBye", 30, 10, out _);

        Assert.Equal(["Dentist 10:30", "Bring the card", "", "Bye"], lines);
    }

    [Fact]
    public void Text_that_does_not_fit_ends_in_an_ellipsis_on_a_whole_word()
    {
        var lines = WrapAll("It will rain all afternoon so the laundry should stay inside today", 20, 2, out var truncated);

        Assert.True(truncated);
        Assert.Equal(["It will rain all", "afternoon so the..."], lines);
    }

    [Fact]
    public void The_ellipsis_is_appended_when_the_last_line_has_room_for_it()
    {
        var lines = WrapAll("one two three four", 10, 1, out var truncated);

        Assert.True(truncated);
        Assert.Equal(["one two..."], lines);
    }

    [Fact]
    public void A_surrogate_pair_is_never_split()
    {
        var lines = WrapAll(string.Concat(Enumerable.Repeat("\U0001F600", 5)), 3, 10, out _);

        Assert.All(lines, line => Assert.False(char.IsHighSurrogate(line[^1]), "line ends in half a character"));
        Assert.Equal(string.Concat(Enumerable.Repeat("\U0001F600", 5)), string.Concat(lines));
    }

    [Fact]
    public void Empty_or_blank_text_takes_no_lines()
    {
        Assert.Empty(WrapAll("", 10, 3, out _));
        Assert.Empty(WrapAll("  \n \n ", 10, 3, out var truncated));
        Assert.False(truncated);
        Assert.Equal(0, TextWrapper.CountLines(null!, 10, 5));
    }

    [Fact]
    public void No_line_is_longer_than_the_width_or_starts_or_ends_with_a_blank()
    {
        Gen.Select(Text, Gen.Int[1, 40], Gen.Int[1, 12]).Sample((text, width, maxLines) =>
        {
            var lines = WrapAll(text, width, maxLines, out _);

            Assert.All(lines, line =>
            {
                Assert.True(line.Length <= width, $"'{line}' is longer than {width}");
                Assert.Equal(line.Trim(), line);
            });
        }, iter: 3_000);
    }

    [Fact]
    public void Concatenating_the_lines_gives_the_words_back_in_order_and_words_that_fit_stay_whole()
    {
        Gen.Select(Text, Gen.Int[1, 40]).Sample((text, width) =>
        {
            var lines = WrapAll(text, width, 2000, out var truncated);

            Assert.False(truncated);
            Assert.Equal(Squeeze(text), Squeeze(string.Concat(lines)));
            var tokens = lines.SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
            var t = 0;
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (word.Length <= width)
                {
                    Assert.Equal(word, tokens[t++]);
                    continue;
                }

                // A long word is cut into full lines of its own, then its tail.
                var rebuilt = "";
                while (rebuilt.Length < word.Length)
                {
                    Assert.True(lines.Contains(tokens[t]) || rebuilt.Length + tokens[t].Length == word.Length);
                    rebuilt += tokens[t++];
                }

                Assert.Equal(word, rebuilt);
            }

            Assert.Equal(tokens.Count, t);
        }, iter: 3_000);
    }

    [Fact]
    public void Lines_are_filled_greedily_so_the_next_word_would_not_have_fitted()
    {
        Gen.Select(SingleSpacedText, Gen.Int[1, 40]).Sample((text, width) =>
        {
            var lines = WrapAll(text, width, 2000, out _);

            for (var i = 0; i + 1 < lines.Length; i++)
            {
                var nextWord = lines[i + 1].Split(' ')[0];
                Assert.True(lines[i].Length + 1 + nextWord.Length > width, $"'{nextWord}' fits after '{lines[i]}'");
            }
        }, iter: 3_000);
    }

    [Fact]
    public void Truncated_text_fills_every_line_allowed_and_keeps_a_prefix_of_the_words()
    {
        Gen.Select(Text, Gen.Int[4, 40], Gen.Int[1, 4]).Sample((text, width, maxLines) =>
        {
            var needed = TextWrapper.CountLines(text, width, 1000);
            var lines = WrapAll(text, width, maxLines, out var truncated);

            Assert.Equal(needed > maxLines, truncated);
            Assert.Equal(Math.Min(needed, maxLines), lines.Length);
            if (truncated)
            {
                Assert.EndsWith(TextWrapper.Ellipsis, lines[^1]);
                Assert.True(lines[^1].Length <= width);
                var shown = Squeeze(string.Concat(lines))[..^TextWrapper.Ellipsis.Length];
                Assert.StartsWith(shown, Squeeze(text), StringComparison.Ordinal);
            }
        }, iter: 3_000);
    }

    [Fact]
    public void Counting_lines_agrees_with_wrapping()
    {
        Gen.Select(Text, Gen.Int[1, 40]).Sample((text, width) =>
        {
            Assert.Equal(WrapAll(text, width, 500, out _).Length, TextWrapper.CountLines(text, width, 500));
        }, iter: 1_000);
    }
}
