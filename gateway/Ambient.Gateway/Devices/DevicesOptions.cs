using System.ComponentModel.DataAnnotations;

namespace Ambient.Gateway.Devices;

/// <summary>
/// Device credentials ("Devices" section). The Argon2id cost follows OWASP's password storage cheat sheet
/// (m=19 MiB, t=2, p=1); it is stored inside each hash, so raising it later leaves existing devices working.
/// </summary>
public sealed class DevicesOptions
{
    public const string Section = "Devices";

    [Range(1024, 1048576, ErrorMessage = "Devices:Argon2MemoryKiB must be between 1024 and 1048576")]
    public int Argon2MemoryKiB { get; set; } = 19456;

    [Range(1, 16, ErrorMessage = "Devices:Argon2Iterations must be between 1 and 16")]
    public int Argon2Iterations { get; set; } = 2;

    /// <summary>
    /// Full verifications allowed at once. Each holds Argon2MemoryKiB of memory, so 1,000 devices reconnecting after
    /// a Wi-Fi outage must queue here rather than allocate 19 GB on a Raspberry Pi.
    /// </summary>
    [Range(1, 64, ErrorMessage = "Devices:MaxConcurrentVerifications must be between 1 and 64")]
    public int MaxConcurrentVerifications { get; set; } = 2;
}
