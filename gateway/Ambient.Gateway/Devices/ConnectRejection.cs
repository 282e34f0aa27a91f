namespace Ambient.Gateway.Devices;

/// <summary>The reasons a CONNECT is refused, as counted in /api/health.</summary>
public static class ConnectRejection
{
    public const string Anonymous = "anonymous";
    public const string ClientIdNotUsername = "client id is not the username";
    public const string InvalidDeviceId = "invalid device id";
    public const string UnknownDevice = "unknown device";
    public const string Revoked = "revoked device";
    public const string WrongSecret = "wrong secret";
    public const string TooManyConnections = "too many connections";
}
