using System.Diagnostics;
using System.Globalization;
using Ambient.Gateway.Api;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Hosting;
using Ambient.Gateway.Storage;
using Ambient.Gateway.Telemetry;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ambient.Benchmarks.Dashboard;

/// <summary>
/// <c>dotnet run -c Release --project tests/Ambient.Benchmarks -- dashboard [--rounds 30]</c>: the dashboard's
/// numbers on a gateway with 30 days of data for 5 planters in a real SQLite file, timed over HTTP on loopback.
/// <list type="number">
/// <item>First load: what a browser fetches for the first screen (page, styles, uPlot, app script, the household
/// JSON), one request after another on a new connection each round, no cache.</item>
/// <item>Chart endpoint: a plant's 24 h, 7 d and 30 d chart JSON.</item>
/// </list>
/// </summary>
internal static class DashboardBench
{
    private static readonly string[] Devices = ["kitchen-basil", "living-monstera", "office-pothos", "hall-fern", "porch-ivy"];
    private static readonly string[] FirstLoad = ["/", "/style.css", "/lib/uPlot.min.css", "/lib/uPlot.iife.min.js", "/app.js", "/api/dashboard/household"];

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args is ["--rounds", var n, ..] ? int.Parse(n, CultureInfo.InvariantCulture) : 30;
        var dir = Directory.CreateTempSubdirectory("ambient-dashboard-bench-").FullName;
        Console.WriteLine($"dashboard bench: 30 days × {Devices.Length} planters, {rounds} rounds; {Environment.ProcessorCount} CPUs; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        try
        {
            var settings = new List<string>
            {
                $"--DataDirectory={dir}", "--Broker:Address=127.0.0.1", "--Broker:Port=0", "--Api:Url=http://127.0.0.1:0",
                "--Weather:UseBundledSample=true", "--Logging:LogLevel:Default=Warning",
            };
            for (var i = 0; i < Devices.Length; i++)
            {
                settings.Add($"--Plants:Pots:{i}:DeviceId={Devices[i]}");
                settings.Add($"--Plants:Pots:{i}:Name={Devices[i].Split('-')[1]}");
                settings.Add($"--Plants:Pots:{i}:Species=basil");
            }

            var builder = GatewayHost.CreateBuilder([.. settings]);
            builder.Services.AddStorage(builder.Configuration);
            builder.Services.AddDevices(builder.Configuration);
            builder.Services.AddGateway(builder.Configuration);
            await using var app = builder.Build();
            app.MapGateway();
            await app.StartAsync().ConfigureAwait(false);

            var services = app.Services;
            var registry = services.GetRequiredService<DeviceRegistry>();
            foreach (var device in Devices)
            {
                registry.Add(device, "planter");
            }

            var database = services.GetRequiredService<Database>();
            var now = DateTimeOffset.UtcNow;
            var seed = Stopwatch.StartNew();
            var rows = DashboardSeed.Seed(database, Devices, now, TimeSpan.FromDays(30), TimeSpan.FromMinutes(10));
            // The retention job's hourly aggregates, as a running gateway would have them.
            var retention = new RetentionJob(database, services.GetRequiredService<IOptions<TelemetryOptions>>(), TimeProvider.System, services.GetRequiredService<ILogger<RetentionJob>>());
            var aggregated = retention.RunOnce().AggregatedGroups;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {rows:N0} readings and {aggregated:N0} hourly aggregates in {seed.Elapsed.TotalSeconds:F1} s ({new FileInfo(database.Path).Length / 1048576.0:F1} MiB)"));

            var baseUrl = new Uri(services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            var token = services.GetRequiredService<ApiToken>().Value;

            var cold = await FirstLoadAsync(baseUrl, token).ConfigureAwait(false);
            var loads = new List<double>();
            for (var i = 0; i < rounds; i++)
            {
                loads.Add(await FirstLoadAsync(baseUrl, token).ConfigureAwait(false));
            }

            Console.WriteLine();
            Console.WriteLine("| Measure | Median | p90 | Max | Goal |");
            Console.WriteLine("|---|---:|---:|---:|---|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| First load ({FirstLoad.Length} requests, new connection; very first: {cold:F0} ms) | {Percentile(loads, 50):F1} ms | {Percentile(loads, 90):F1} ms | {loads.Max():F1} ms | ≤ 1000 ms |"));
            var worst = 0.0;
            using var http = new HttpClient { BaseAddress = baseUrl };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            foreach (var range in new[] { "24h", "7d", "30d" })
            {
                var times = new List<double>();
                var points = 0;
                for (var i = 0; i < rounds; i++)
                {
                    var device = Devices[i % Devices.Length];
                    var clock = Stopwatch.StartNew();
                    var body = await http.GetStringAsync(new Uri($"/api/dashboard/plants/{device}/chart?range={range}", UriKind.Relative)).ConfigureAwait(false);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    using var json = System.Text.Json.JsonDocument.Parse(body);
                    points = json.RootElement.GetProperty("times").GetArrayLength();
                }

                worst = Math.Max(worst, Percentile(times, 90));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Chart {range} ({points} points × 3 series) | {Percentile(times, 50):F1} ms | {Percentile(times, 90):F1} ms | {times.Max():F1} ms | ≤ 100 ms |"));
            }

            Console.WriteLine();
            Console.WriteLine($"load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
            await app.StopAsync().ConfigureAwait(false);
            return Percentile(loads, 90) <= 1000 && worst <= 100 ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The first screen's requests in a browser's order, on a new connection (no keep-alive, no cache).</summary>
    private static async Task<double> FirstLoadAsync(Uri baseUrl, string token)
    {
        using var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero };
        using var http = new HttpClient(handler) { BaseAddress = baseUrl };
        var clock = Stopwatch.StartNew();
        foreach (var path in FirstLoad)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            if (path.StartsWith("/api/", StringComparison.Ordinal))
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await http.SendAsync(request).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            _ = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
