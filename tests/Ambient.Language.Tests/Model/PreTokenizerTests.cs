using Ambient.Language.Model;

namespace Ambient.Language.Tests.Model;

/// <summary>README §3's pre-splitting rule on hand-checked strings (the parity test compares with Python at scale).</summary>
public sealed class PreTokenizerTests
{
    private static readonly PreTokenizer Splitter = new(["<pad>", "<bos>", "<sep>", "<eos>", "<name>", "<name_x>", "<temp_now>"]);

    [Theory]
    [InlineData("Good morning, <name>.", "Good| morning|,| |<name>|.")]
    [InlineData("It's 7 o'clock!", "It's| 7| o'clock|!")]
    [InlineData("dogs' 'quoted'", "dogs|'| '|quoted|'")]
    [InlineData("a  b", "a|  |b")]
    [InlineData("a\n b", "a|\n |b")]
    [InlineData("  x", "  |x")]
    [InlineData("x  ", "x|  ")]
    [InlineData("café 9:30", "café| 9|:|30")]
    [InlineData("<name_x><name>", "<name_x>|<name>")]
    [InlineData("<<name>>", "<|<name>|>")]
    [InlineData("...?! ok", "...?!| ok")]
    public void Text_splits_into_specials_and_one_class_chunks(string text, string expected)
    {
        var pieces = Splitter.Split(text);
        Assert.Equal(expected, string.Join('|', pieces.Select(p => p.Text)));
        Assert.Equal(text, string.Concat(pieces.Select(p => p.Text)));
    }
}
