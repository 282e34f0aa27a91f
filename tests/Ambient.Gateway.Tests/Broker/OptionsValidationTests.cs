using Ambient.Gateway.Tests.Support;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Tests.Broker;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Broker:Port=70000", "Broker:Port")]
    [InlineData("Broker:Address=gateway.local", "Broker:Address")]
    [InlineData("Broker:MaxPacketBytes=100", "Broker:MaxPacketBytes")]
    [InlineData("Broker:CommunicationTimeout=00:00:00", "Broker:CommunicationTimeout")]
    [InlineData("Devices:Argon2Iterations=0", "Devices:Argon2Iterations")]
    [InlineData("Telemetry:RawRetention=00:01:00", "Telemetry:RawRetention")]
    public async Task A_bad_setting_stops_start_up_with_an_error_naming_its_key(string setting, string key)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestGateway.StartAsync(null, setting));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task External_mode_without_a_host_names_the_missing_key()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestGateway.StartAsync(null, "Broker:Mode=External"));

        Assert.Contains("Broker:External:Host", error.Message, StringComparison.Ordinal);
    }
}
