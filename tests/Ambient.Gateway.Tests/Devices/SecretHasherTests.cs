using Ambient.Gateway.Devices;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Tests.Devices;

public sealed class SecretHasherTests
{
    private readonly SecretHasher _hasher = new(Options.Create(new DevicesOptions { Argon2MemoryKiB = 1024, Argon2Iterations = 1 }));

    [Fact]
    public void A_hash_verifies_its_secret_and_nothing_else()
    {
        var hash = _hasher.Hash("correct horse");

        Assert.StartsWith("$argon2id$v=19$m=1024,t=1,p=1$", hash, StringComparison.Ordinal);
        Assert.DoesNotContain("correct horse", hash, StringComparison.Ordinal);
        Assert.True(SecretHasher.Verify("correct horse", hash));
        Assert.False(SecretHasher.Verify("correct horsf", hash));
        Assert.False(SecretHasher.Verify("", hash));
    }

    [Fact]
    public void The_same_secret_hashes_differently_each_time_because_of_the_salt()
    {
        Assert.NotEqual(_hasher.Hash("s"), _hasher.Hash("s"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("$argon2i$v=19$m=1024,t=1,p=1$AAAA$AAAA")]
    [InlineData("$argon2id$v=19$m=1024,t=0,p=1$AAAA$AAAA")]
    [InlineData("$argon2id$v=19$m=x,t=1,p=1$AAAA$AAAA")]
    [InlineData("$argon2id$v=19$m=1024,t=1,p=1$not base64!$AAAA")]
    public void A_malformed_stored_hash_never_verifies(string stored)
    {
        Assert.False(SecretHasher.Verify("anything", stored));
    }
}
