using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Tests.Support;
using Ambient.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace Ambient.Gateway.Tests.Api;

public sealed class ApiTests : IAsyncLifetime
{
    private TestGateway _gateway = null!;

    // A fixed clock, so the readings below are never older than the raw retention.
    public async Task InitializeAsync() =>
        _gateway = await TestGateway.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero)));

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Theory]
    [InlineData("/api/health")]
    [InlineData("/api/devices")]
    [InlineData("/api/telemetry?device=kitchen-basil")]
    [InlineData("/api/anything-added-later")]
    public async Task Every_api_path_is_401_without_the_token(string path)
    {
        using var anonymous = _gateway.Http(withToken: false);
        using var wrong = _gateway.Http(withToken: false);
        wrong.DefaultRequestHeaders.Authorization = new("Bearer", "0000");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_token_is_created_on_first_run_in_the_data_directory_and_accepted_as_bearer_or_query()
    {
        var file = Path.Combine(_gateway.DataDirectory, "api-token");
        Assert.Equal(_gateway.ApiToken, File.ReadAllText(file).Trim());
        Assert.Equal(64, _gateway.ApiToken.Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        using var bearer = _gateway.Http();
        using var query = _gateway.Http(withToken: false);

        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync(new Uri("/api/health", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await query.GetAsync(new Uri($"/api/health?token={_gateway.ApiToken}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Health_reports_connections_ingest_and_refusals_by_reason()
    {
        var device = await _gateway.ConnectDeviceAsync("kitchen-basil", _gateway.Provision("kitchen-basil"));
        await device.PublishQos1Async("ambient/v1/kitchen-basil/up/telemetry", Frames.Temperature(1, 1, 1_777_622_400, 2000));
        var bad = Frames.Temperature(1, 2, 1_777_622_400, 2000);
        bad[^1] ^= 1;
        await device.PublishQos1Async("ambient/v1/kitchen-basil/up/telemetry", bad);
        await _gateway.ConnectAsync("kitchen-basil-2", "kitchen-basil-2", "nope");
        using var http = _gateway.Http();

        using var health = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/health", UriKind.Relative)));

        var root = health.RootElement;
        Assert.Equal(1, root.GetProperty("connectedDevices").GetInt32());
        Assert.Equal(1, root.GetProperty("acceptedFrames").GetInt64());
        Assert.Equal(1, root.GetProperty("storedReadings").GetInt64());
        Assert.True(root.GetProperty("ingestFramesPerSecond").GetDouble() > 0);
        Assert.Equal(1, root.GetProperty("rejectedFrames").GetProperty("bad CRC").GetInt64());
        Assert.Equal(1, root.GetProperty("rejectedConnections").GetProperty(ConnectRejection.UnknownDevice).GetInt64());
    }

    [Fact]
    public async Task Devices_lists_the_registry_without_secrets()
    {
        _gateway.Provision("kitchen-basil");
        using var http = _gateway.Http();

        var body = await http.GetStringAsync(new Uri("/api/devices", UriKind.Relative));

        using var json = JsonDocument.Parse(body);
        var device = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("kitchen-basil", device.GetProperty("id").GetString());
        Assert.Equal("planter", device.GetProperty("kind").GetString());
        Assert.DoesNotContain("argon2", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Telemetry_returns_readings_in_the_range_with_units()
    {
        var device = await _gateway.ConnectDeviceAsync("kitchen-basil", _gateway.Provision("kitchen-basil"));
        var t = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
        await device.PublishQos1Async("ambient/v1/kitchen-basil/up/telemetry", Frames.Telemetry(1, 1, (uint)t.ToUnixTimeSeconds(), FrameFlags.None,
            (0, SensorKind.TemperatureCentiCelsius, 2150), (3600, SensorKind.TemperatureCentiCelsius, 2250)));
        using var http = _gateway.Http();

        var response = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/telemetry?device=kitchen-basil&from=2026-05-01T07:30:00Z&to=2026-05-01T08:30:00Z", UriKind.Relative));

        var reading = Assert.Single(response.GetProperty("readings").EnumerateArray());
        Assert.Equal("temperature", reading.GetProperty("kind").GetString());
        Assert.Equal(21.5, reading.GetProperty("value").GetDouble());
        Assert.Equal("°C", reading.GetProperty("unit").GetString());
        Assert.Equal(t, reading.GetProperty("time").GetDateTimeOffset());
        Assert.False(response.GetProperty("truncated").GetBoolean());
    }

    [Theory]
    [InlineData("/api/telemetry?from=2026-05-01T00:00:00Z", "device")]
    [InlineData("/api/telemetry?device=Kitchen_Basil", "device")]
    [InlineData("/api/telemetry?device=kitchen-basil&from=yesterday", "from")]
    [InlineData("/api/telemetry?device=kitchen-basil&to=2026-13-01T00:00:00Z", "to")]
    [InlineData("/api/telemetry?device=kitchen-basil&from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z", "from")]
    public async Task Telemetry_rejects_a_bad_parameter_with_a_problem_naming_it(string path, string parameter)
    {
        using var http = _gateway.Http();

        var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), $"errors should name '{parameter}'");
    }
}
