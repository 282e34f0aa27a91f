using Ambient.Language.Model;

namespace Ambient.Language.Tests.Model;

public sealed class RecentOpeningsTests
{
    [Theory]
    [InlineData("Good morning, Ana. Rain today.", "good morning ana! It was sunny.", true)]
    [InlineData("Good morning, Ana. Rain today.", "Good morning, Bob.", false)]
    [InlineData("Morning Ana — 7° now.", "Morning, Ana: 7° now", true)]
    [InlineData("Hi.", "Hi.", true)]
    [InlineData("Hello there Ana.", "Hello there.", false)]
    public void A_text_opening_like_a_recent_one_is_a_problem(string text, string recent, bool repeated)
    {
        var problem = RecentOpenings.Check(text, [recent]);
        Assert.Equal(repeated, problem is not null);
        if (problem is not null)
        {
            Assert.StartsWith(RecentOpenings.Problem + ":", problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_recent_texts_no_problem() => Assert.Null(RecentOpenings.Check("Good morning, Ana.", null));
}
