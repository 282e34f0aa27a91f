namespace Ambient.Gateway.Plants;

public static class PlantsApi
{
    /// <summary>GET /api/plants: every pot with its current verdict. Returns the group so the caller can add auth.</summary>
    public static RouteGroupBuilder MapPlants(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/plants");
        group.MapGet("/", (PlantMonitor monitor) => monitor.Pots.Select(pot =>
        {
            var state = monitor.GetState(pot.DeviceId);
            return new PlantView(
                pot.DeviceId,
                pot.PlantName,
                pot.SpeciesId,
                (state?.Condition ?? Ambient.Protocol.PlantCondition.Unknown).ToString(),
                state?.MoisturePercent is { } m ? Math.Round(m, 1) : null,
                state?.DaysUntilDry is { } d ? Math.Round(d, 1) : null,
                state?.LastWatered,
                state?.EvaluatedAt);
        }).ToList());
        return group;
    }
}
