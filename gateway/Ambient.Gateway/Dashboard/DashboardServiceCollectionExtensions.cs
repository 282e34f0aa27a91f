namespace Ambient.Gateway.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The dashboard's readers, provisioning and live events. Needs AddSettings, AddPlants and AddDevices.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddSingleton<ChartReader>();
        services.AddSingleton<ChangeFingerprints>();
        services.AddSingleton<DeviceProvisioning>();
        services.AddSingleton<DashboardEvents>();
        services.AddHostedService(sp => sp.GetRequiredService<DashboardEvents>());
        return services;
    }
}
