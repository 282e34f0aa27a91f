namespace Ambient.Gateway.Telemetry;

/// <summary>
/// Reasons a frame is refused besides the decoder's own (which are counted under
/// <c>DecodeResult.StatusName</c>, e.g. "bad CRC").
/// </summary>
public static class FrameRejection
{
    public const string NotAnAmbientTopic = "not an up or status topic";
    public const string TypeDoesNotMatchTopic = "frame type does not match topic";
    public const string UnknownDevice = "unknown device";
    public const string RevokedDevice = "revoked device";
    public const string BadStatus = "status is not online/offline";
}
