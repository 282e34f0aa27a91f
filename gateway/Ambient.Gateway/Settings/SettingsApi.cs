namespace Ambient.Gateway.Settings;

public static class SettingsApi
{
    /// <summary>
    /// <c>GET /api/settings</c>: the settings in force; <c>PUT /api/settings</c>: validate and save (400 with
    /// <c>errors</c> by field when a value is wrong; the new values take effect at once, no restart).
    /// </summary>
    public static IEndpointRouteBuilder MapSettings(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/settings", (SettingsService settings) => Results.Ok(settings.Current()));
        endpoints.MapPut("/api/settings", async (SettingsForm form, SettingsService settings) =>
        {
            var errors = await settings.SaveAsync(form).ConfigureAwait(false);
            return errors.Count > 0 ? Results.ValidationProblem(errors, title: "Some settings are not valid") : Results.Ok(settings.Current());
        });
        return endpoints;
    }
}
