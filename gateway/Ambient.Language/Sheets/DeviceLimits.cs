namespace Ambient.Language;

/// <summary>The length each device can show or say (README §1, STYLE-GUIDE.md).</summary>
public static class DeviceLimits
{
    /// <summary>The magnet's e-paper: 4 lines of 30 characters, word-wrapped.</summary>
    public const int MagnetLines = 4;

    public const int MagnetLineChars = 30;

    /// <summary>One spoken sentence: long ones are hard to follow in an ear.</summary>
    public const int EarbudChars = 140;

    public const int DashboardChars = 280;

    public static int MaxChars(TargetDevice device) => device switch
    {
        TargetDevice.Magnet => MagnetLines * MagnetLineChars,
        TargetDevice.Earbud => EarbudChars,
        TargetDevice.Dashboard => DashboardChars,
        _ => throw new ArgumentOutOfRangeException(nameof(device), device, null),
    };
}
