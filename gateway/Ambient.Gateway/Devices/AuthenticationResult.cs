using MQTTnet.Protocol;

namespace Ambient.Gateway.Devices;

/// <summary>
/// The verdict on a CONNECT: the MQTT reason code the client gets, and the finer reason the gateway counts
/// (the client learns only "bad user name or password", so a scan cannot tell unknown ids from wrong secrets).
/// </summary>
public readonly record struct AuthenticationResult(MqttConnectReasonCode ReasonCode, string Reason)
{
    public static AuthenticationResult Accepted { get; } = new(MqttConnectReasonCode.Success, "accepted");

    public bool IsAccepted => ReasonCode == MqttConnectReasonCode.Success;
}
