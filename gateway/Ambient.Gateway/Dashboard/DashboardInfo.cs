namespace Ambient.Gateway.Dashboard;

/// <summary>
/// GET /dashboard/info (no token): what the sign-in page needs to tell a first-time visitor where the token is.
/// It names the file, never its content.
/// </summary>
public sealed record DashboardInfo(string? TokenFile, bool TokenFromConfiguration);
