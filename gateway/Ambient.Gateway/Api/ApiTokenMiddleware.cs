namespace Ambient.Gateway.Api;

/// <summary>
/// Deny by default: every path under /api needs the token, as <c>Authorization: Bearer …</c> or <c>?token=…</c>
/// (the query form is for links opened from the dashboard and for curl). Endpoints added later by other
/// capabilities are protected without doing anything.
/// </summary>
internal sealed class ApiTokenMiddleware(RequestDelegate next, ApiToken token)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            return next(context);
        }

        var header = context.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : context.Request.Query["token"].ToString();
        if (token.Matches(presented))
        {
            return next(context);
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid API token is required (Authorization: Bearer <token> or ?token=).")
            .ExecuteAsync(context);
    }
}
