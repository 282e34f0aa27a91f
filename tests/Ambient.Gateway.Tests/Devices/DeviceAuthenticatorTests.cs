using Ambient.Gateway.Devices;
using Ambient.Gateway.Tests.Support;
using MQTTnet.Protocol;

namespace Ambient.Gateway.Tests.Devices;

public sealed class DeviceAuthenticatorTests : IDisposable
{
    private readonly TestRegistry _devices = new();

    [Fact]
    public async Task A_re_provisioned_device_is_not_let_in_with_its_old_cached_secret()
    {
        var old = _devices.Registry.Add("kitchen-basil", "planter").Secret;
        Assert.True((await _devices.Authenticator.AuthenticateAsync("kitchen-basil", "kitchen-basil", old, CancellationToken.None)).IsAccepted);
        Assert.True(_devices.Registry.Revoke("kitchen-basil"));
        var fresh = _devices.Registry.Add("kitchen-basil", "planter").Secret;

        var withOld = await _devices.Authenticator.AuthenticateAsync("kitchen-basil", "kitchen-basil", old, CancellationToken.None);
        var withFresh = await _devices.Authenticator.AuthenticateAsync("kitchen-basil", "kitchen-basil", fresh, CancellationToken.None);

        Assert.Equal(new AuthenticationResult(MqttConnectReasonCode.BadUserNameOrPassword, ConnectRejection.WrongSecret), withOld);
        Assert.True(withFresh.IsAccepted);
    }

    [Fact]
    public async Task Many_devices_reconnecting_at_once_are_all_verified()
    {
        var secrets = Enumerable.Range(0, 20).Select(i => (Id: $"plant-{i:D2}", Secret: _devices.Registry.Add($"plant-{i:D2}", "planter").Secret)).ToList();

        var first = await Task.WhenAll(secrets.Select(s => _devices.Authenticator.AuthenticateAsync(s.Id, s.Id, s.Secret, CancellationToken.None)));
        var again = await Task.WhenAll(secrets.Select(s => _devices.Authenticator.AuthenticateAsync(s.Id, s.Id, s.Secret, CancellationToken.None)));

        Assert.All(first, r => Assert.True(r.IsAccepted));
        Assert.All(again, r => Assert.True(r.IsAccepted));
    }

    [Theory]
    [InlineData(null, null, MqttConnectReasonCode.BadUserNameOrPassword, ConnectRejection.Anonymous)]
    [InlineData("kitchen-basil", "hall-magnet", MqttConnectReasonCode.ClientIdentifierNotValid, ConnectRejection.ClientIdNotUsername)]
    [InlineData("Kitchen/#", "Kitchen/#", MqttConnectReasonCode.ClientIdentifierNotValid, ConnectRejection.InvalidDeviceId)]
    [InlineData("garage-fern", "garage-fern", MqttConnectReasonCode.BadUserNameOrPassword, ConnectRejection.UnknownDevice)]
    public async Task Connections_are_refused_with_a_code_and_a_counted_reason(string? clientId, string? userName, MqttConnectReasonCode code, string reason)
    {
        _devices.Registry.Add("kitchen-basil", "planter");

        var result = await _devices.Authenticator.AuthenticateAsync(clientId, userName, "secret", CancellationToken.None);

        Assert.Equal(new AuthenticationResult(code, reason), result);
    }

    public void Dispose() => _devices.Dispose();
}
