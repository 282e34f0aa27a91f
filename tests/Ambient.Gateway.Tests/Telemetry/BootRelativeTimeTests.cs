using Ambient.Gateway.Tests.Support;
using Ambient.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace Ambient.Gateway.Tests.Telemetry;

public sealed class BootRelativeTimeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private TestGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await TestGateway.StartAsync(_time);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Unsynced_sample_times_are_mapped_to_utc_through_the_hello_of_the_same_boot()
    {
        var device = await _gateway.ConnectDeviceAsync("kitchen-basil", _gateway.Provision("kitchen-basil"));
        // Hello received at Now with uptime 100 s: this boot started at Now − 100 s.
        await device.PublishQos1Async("ambient/v1/kitchen-basil/up/hello", Frames.Hello(boot: 9, uptimeSeconds: 100));
        _time.Advance(TimeSpan.FromMinutes(5));

        await device.PublishQos1Async("ambient/v1/kitchen-basil/up/telemetry", Frames.Telemetry(9, 1, 150, FrameFlags.TimeUnsynced,
            (0, SensorKind.TemperatureCentiCelsius, 2000), (30, SensorKind.TemperatureCentiCelsius, 2010)));

        var bootStart = Now.ToUnixTimeSeconds() - 100;
        Assert.Equal(bootStart + 150, _gateway.Scalar("SELECT ts FROM readings WHERE seq = 1"));
        Assert.Equal(bootStart + 180, _gateway.Scalar("SELECT ts FROM readings WHERE seq = 2"));
        Assert.Equal(0, _gateway.Scalar("SELECT count(*) FROM readings WHERE estimated = 1"));
    }

    [Fact]
    public async Task Unsynced_samples_without_a_hello_for_their_boot_get_the_receive_time_and_are_marked_estimated()
    {
        var device = await _gateway.ConnectDeviceAsync("kitchen-basil", _gateway.Provision("kitchen-basil"));
        await device.PublishQos1Async("ambient/v1/kitchen-basil/up/hello", Frames.Hello(boot: 9, uptimeSeconds: 100));

        await device.PublishQos1Async("ambient/v1/kitchen-basil/up/telemetry", Frames.Temperature(8, 1, 150, 2000, FrameFlags.TimeUnsynced));

        Assert.Equal(Now.ToUnixTimeSeconds(), _gateway.Scalar("SELECT ts FROM readings WHERE boot = 8"));
        Assert.Equal(1, _gateway.Scalar("SELECT estimated FROM readings WHERE boot = 8"));
    }

    [Fact]
    public async Task Readings_older_than_the_raw_retention_are_counted_and_not_stored()
    {
        var device = await _gateway.ConnectDeviceAsync("kitchen-basil", _gateway.Provision("kitchen-basil"));
        var old = (uint)Now.AddDays(-31).ToUnixTimeSeconds();

        var ack = await device.PublishQos1Async("ambient/v1/kitchen-basil/up/telemetry", Frames.Telemetry(1, 1, old, FrameFlags.Replay,
            (0, SensorKind.TemperatureCentiCelsius, 2000), ((uint)TimeSpan.FromDays(2).TotalSeconds, SensorKind.TemperatureCentiCelsius, 2100)));

        Assert.True(ack.IsSuccess);
        Assert.Equal(1, _gateway.Scalar("SELECT count(*) FROM readings"));
        Assert.Equal(1, _gateway.Ingest.ExpiredReadings);
    }
}
