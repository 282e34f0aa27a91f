namespace Ambient.Protocol.Tests.Topics;

public sealed class DeviceIdTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("kitchen-basil")]
    [InlineData("planter-01")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    public void Lowercase_letters_digits_and_hyphens_are_valid(string id)
    {
        Assert.True(DeviceId.IsValid(id));
        Assert.Null(DeviceId.Explain(id));
    }

    [Theory]
    [InlineData("ab", "3 to 32")]
    [InlineData("0123456789abcdef0123456789abcdef0", "3 to 32")]
    [InlineData("Kitchen", "a-z, 0-9")]
    [InlineData("kitchen_basil", "a-z, 0-9")]
    [InlineData("kitchen/basil", "a-z, 0-9")]
    [InlineData("kitchen+", "a-z, 0-9")]
    [InlineData("küche", "a-z, 0-9")]
    [InlineData(null, "3 to 32")]
    public void Other_ids_are_rejected_with_the_rule_they_break(string? id, string rule)
    {
        Assert.False(DeviceId.IsValid(id));
        Assert.Contains(rule, DeviceId.Explain(id), StringComparison.Ordinal);
    }
}
