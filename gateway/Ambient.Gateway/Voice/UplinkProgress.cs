namespace Ambient.Gateway.Voice;

/// <summary>
/// What one uplink chunk did: <see cref="Accepted"/> or the problem (<see cref="UplinkProblem"/>),
/// <see cref="InOrder"/> the PCM that became playable in order by it (for the streaming wake-word detector; it may
/// hold several chunks when this one filled a gap), and <see cref="Completed"/> when it finished the stream.
/// </summary>
public sealed record UplinkProgress(bool Accepted, string? Problem, short[] InOrder, Utterance? Completed)
{
    public static UplinkProgress Refused(string problem) => new(false, problem, [], null);
}
