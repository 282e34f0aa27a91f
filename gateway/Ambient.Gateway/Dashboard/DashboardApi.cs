using System.Net.ServerSentEvents;
using Ambient.Gateway.Api;
using Ambient.Gateway.Broker;
using Ambient.Gateway.Calendar;
using Ambient.Gateway.Devices;
using Ambient.Gateway.HomeAssistant;
using Ambient.Gateway.Hosting;
using Ambient.Gateway.Plants;
using Ambient.Gateway.Weather;
using Ambient.Protocol;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Dashboard;

public static class DashboardApi
{
    /// <summary>
    /// The dashboard: its pages from wwwroot (open, they hold no data) and its JSON under /api/dashboard (behind the
    /// API token like the rest of /api). Call after UseApiToken.
    /// </summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(root))
        {
            var files = new PhysicalFileProvider(root);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                // Pages and scripts are small; revalidating each load means an upgraded gateway is seen at once.
                OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
            });
        }
        else
        {
            DashboardLog.NoStaticFiles(app.Services.GetRequiredService<ILogger<DashboardEvents>>(), root);
        }

        app.MapGet("/dashboard/info", (IOptions<ApiOptions> api, IConfiguration configuration) =>
            string.IsNullOrEmpty(api.Value.Token)
                ? new DashboardInfo(DataDirectory.Combine(configuration, api.Value.TokenFile), false)
                : new DashboardInfo(null, true));

        var group = app.MapGroup("/api/dashboard");
        group.MapGet("/household", Household);
        group.MapGet("/plants/{device}/chart", (string device, string? range, ChartReader charts, TimeProvider time) =>
        {
            if (DeviceId.Explain(device) is { } why)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["device"] = [why] });
            }

            return ChartRange.Find(range) is { } r
                ? Results.Ok(charts.Read(device, r, time.GetUtcNow()))
                : Results.ValidationProblem(new Dictionary<string, string[]> { ["range"] = [$"range must be one of {string.Join(", ", ChartRange.All.Select(x => x.Name))}"] });
        });
        group.MapGet("/calendar", (CalendarService calendars, TimeProvider time) =>
        {
            var now = time.GetUtcNow();
            return new CalendarView(calendars.Zone.Id, calendars.GetOccurrences(now.AddHours(-2), now.AddDays(7)), calendars.Status);
        });
        group.MapPost("/devices", AddDeviceAsync);
        group.MapDelete("/devices/{id}", async (string id, DeviceProvisioning provisioning, ILogger<DeviceProvisioning> logger) =>
        {
            if (!await provisioning.RevokeAsync(id).ConfigureAwait(false))
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No active device '{id}'.");
            }

            DashboardLog.Revoked(logger, id);
            return Results.NoContent();
        });
        group.MapGet("/homeassistant", (IServiceProvider services, IOptions<BrokerOptions> broker) =>
            services.GetService<HomeAssistantCredentials>() is { } ha && services.GetService<HomeAssistantAccess>() is { } access
                ? Results.Ok(new HomeAssistantConnection(
                    string.IsNullOrWhiteSpace(broker.Value.AdvertisedHost) ? System.Net.Dns.GetHostName() : broker.Value.AdvertisedHost,
                    services.GetService<EmbeddedBroker>()?.Port ?? broker.Value.Port,
                    ha.UserName,
                    ha.Password,
                    access.Topics.Status.Split('/')[0]))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Home Assistant discovery is off (HomeAssistant:Enabled, or an external broker)."));
        group.MapGet("/events", (DashboardEvents events, CancellationToken cancellationToken) =>
            TypedResults.ServerSentEvents(events.ListenAsync(cancellationToken).Select(topic => new SseItem<string>(topic, topic))));
        return app;
    }

    private static HouseholdView Household(DeviceRegistry registry, PlantMonitor plants, IServiceProvider services, TimeProvider time)
    {
        var weather = services.GetService<WeatherService>()?.Current is { } report && services.GetService<IOptionsMonitor<WeatherOptions>>() is { } options
            ? new WeatherView(
                report.Forecast.TemperatureCelsius, report.Forecast.HighCelsius, report.Forecast.LowCelsius, report.Forecast.Condition,
                report.Forecast.FetchedAt, report.IsStale, report.LastError, options.CurrentValue.Latitude, options.CurrentValue.Longitude)
            : null;
        return new HouseholdView(time.GetUtcNow(), registry.List(), PlantsView(plants), weather);
    }

    private static List<PlantView> PlantsView(PlantMonitor monitor) =>
    [
        .. monitor.Pots.Select(pot =>
        {
            var state = monitor.GetState(pot.DeviceId);
            return new PlantView(
                pot.DeviceId,
                pot.PlantName,
                SpeciesTable.Find(pot.SpeciesId)?.Name ?? pot.SpeciesId,
                (state?.Condition ?? PlantCondition.Unknown).ToString(),
                state?.MoisturePercent is { } m ? Math.Round(m, 1) : null,
                state?.DaysUntilDry is { } d ? Math.Round(d, 1) : null,
                state?.LastWatered,
                state?.EvaluatedAt);
        }),
    ];

    private static async Task<IResult> AddDeviceAsync(ProvisionRequest request, DeviceProvisioning provisioning, ILogger<DeviceProvisioning> logger)
    {
        try
        {
            var result = await provisioning.AddAsync(request.Id?.Trim() ?? "", request.Kind ?? "").ConfigureAwait(false);
            DashboardLog.Provisioned(logger, result.Device.Id, result.Device.Kind);
            return Results.Ok(result);
        }
        catch (ArgumentException e)
        {
            var field = e.ParamName == "kind" ? "kind" : "id";
            return Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [e.Message.Split(" (Parameter", 2)[0]] });
        }
        catch (InvalidOperationException e)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [e.Message] });
        }
    }
}
