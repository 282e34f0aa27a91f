namespace Ambient.Gateway.Broker;

/// <summary>The kinds of refused operations counted in /api/health.</summary>
public static class AclDenial
{
    public const string Publish = "publish outside own up/status topics";
    public const string Subscribe = "subscribe outside own down topics";
}
