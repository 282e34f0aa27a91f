namespace Ambient.Gateway.Dashboard;

/// <summary>POST /api/dashboard/devices: the id and kind of the device to add.</summary>
public sealed record ProvisionRequest(string? Id, string? Kind);
