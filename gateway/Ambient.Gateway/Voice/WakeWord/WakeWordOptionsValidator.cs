using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Voice.WakeWord;

/// <summary>Checks WakeWord:* at start-up (and in the detector's constructor); each failure names the key to fix.</summary>
internal sealed class WakeWordOptionsValidator : IValidateOptions<WakeWordOptions>
{
    public ValidateOptionsResult Validate(string? name, WakeWordOptions options)
    {
        var failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static List<string> Failures(WakeWordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ModelPath))
        {
            failures.Add("WakeWord:ModelPath is required (the .onnx written by gateway/model/wakeword/train.sh).");
        }
        else if (!File.Exists(options.ModelPath))
        {
            failures.Add($"WakeWord:ModelPath '{options.ModelPath}' does not exist.");
        }

        if (!(options.Threshold > 0f && options.Threshold < 1f))
        {
            failures.Add($"WakeWord:Threshold must be between 0 and 1 (exclusive); it is {options.Threshold}.");
        }

        if (options.SmoothingHops is < 1 or > 25)
        {
            failures.Add($"WakeWord:SmoothingHops must be 1 to 25 hops of 80 ms; it is {options.SmoothingHops}.");
        }

        if (options.TriggerHops is < 1 or > 10)
        {
            failures.Add($"WakeWord:TriggerHops must be 1 to 10 hops of 80 ms; it is {options.TriggerHops}.");
        }

        if (options.Refractory < TimeSpan.Zero || options.Refractory > TimeSpan.FromMinutes(1))
        {
            failures.Add($"WakeWord:Refractory must be between 0 and 1 minute; it is {options.Refractory}.");
        }

        return failures;
    }
}
