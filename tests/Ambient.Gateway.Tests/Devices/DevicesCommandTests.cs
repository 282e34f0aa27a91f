using Ambient.Gateway.Broker;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Tests.Support;

namespace Ambient.Gateway.Tests.Devices;

public sealed class DevicesCommandTests : IDisposable
{
    private readonly TestRegistry _devices = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    private int Run(params string[] args) =>
        new DevicesCommand(_devices.Registry, new BrokerOptions { AdvertisedHost = "gateway.local", Port = 1883 }, _out, _err).Run(args);

    [Fact]
    public void Add_prints_the_secret_broker_and_a_qr_code_once_and_stores_only_a_hash()
    {
        Assert.Equal(0, Run("add", "kitchen-basil", "--kind", "planter"));

        var text = _out.ToString();
        var secret = text.Split('\n').Single(l => l.TrimStart().StartsWith("secret:", StringComparison.Ordinal)).Split(':')[1].Trim();
        Assert.True(secret.Length >= 32);
        Assert.Contains("broker: gateway.local:1883", text, StringComparison.Ordinal);
        Assert.Contains($"mqtt://kitchen-basil:{secret}@gateway.local:1883", text, StringComparison.Ordinal);
        Assert.Contains("█", text, StringComparison.Ordinal); // the QR code
        using var connection = _devices.Database.Open();
        Assert.Equal(0, Query.Scalar(connection, "SELECT count(*) FROM devices WHERE secret_hash LIKE '%' || $s || '%'", ("$s", secret)));
        Assert.Equal(1, Query.Scalar(connection, "SELECT count(*) FROM devices WHERE id = 'kitchen-basil' AND kind = 'planter' AND secret_hash LIKE '$argon2id$%'"));
        Assert.Equal(1, Run("add", "kitchen-basil", "--kind", "planter"));
        Assert.Contains("already exists", _err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void List_shows_active_devices_and_remove_revokes()
    {
        Run("add", "kitchen-basil", "--kind", "planter");
        Run("add", "hall-magnet", "--kind", "fridge-magnet");

        Assert.Equal(0, Run("remove", "kitchen-basil"));
        _out.GetStringBuilder().Clear();
        Assert.Equal(0, Run("list"));

        var listed = _out.ToString();
        Assert.Contains("hall-magnet", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("kitchen-basil", listed, StringComparison.Ordinal);
        Assert.True(_devices.Registry.FindCredentials("kitchen-basil")!.Revoked);
        Assert.Equal(1, Run("remove", "kitchen-basil"));
    }

    [Theory]
    [InlineData("add", "Kitchen Basil", "--kind", "planter")]
    [InlineData("add", "kitchen-basil", "--kind", "toaster")]
    [InlineData("frobnicate")]
    public void Bad_arguments_are_a_usage_error(params string[] args)
    {
        Assert.Equal(2, Run(args));
        Assert.NotEqual("", _err.ToString());
        Assert.Empty(_devices.Registry.List(includeRevoked: true));
    }

    public void Dispose()
    {
        _devices.Dispose();
        _out.Dispose();
        _err.Dispose();
    }
}
