namespace Ambient.Gateway.Api;

public static class ApiExtensions
{
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>()
            .Bind(configuration.GetSection(ApiOptions.Section))
            .Validate(o => Uri.TryCreate(o.Url, UriKind.Absolute, out _), "Api:Url must be an absolute URL such as http://127.0.0.1:8080")
            .Validate(o => !string.IsNullOrWhiteSpace(o.TokenFile) || !string.IsNullOrEmpty(o.Token), "Api:TokenFile or Api:Token is required")
            .ValidateOnStart();
        services.AddSingleton<ApiToken>();
        services.AddProblemDetails();
        return services;
    }

    /// <summary>Puts the token check in front of everything under /api; call before any MapX.</summary>
    public static IApplicationBuilder UseApiToken(this IApplicationBuilder app) => app.UseMiddleware<ApiTokenMiddleware>();

    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder endpoints) => endpoints.MapHealth();
}
