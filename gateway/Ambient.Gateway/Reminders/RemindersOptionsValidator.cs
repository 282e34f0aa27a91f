using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Reminders;

/// <summary>Checks Reminders:* at start-up; each failure names the configuration key to fix.</summary>
internal sealed class RemindersOptionsValidator : IValidateOptions<RemindersOptions>
{
    public ValidateOptionsResult Validate(string? name, RemindersOptions options)
    {
        var failures = new List<string>();
        if (options.Horizon < TimeSpan.FromHours(1) || options.Horizon > TimeSpan.FromDays(31))
        {
            failures.Add("Reminders:Horizon must be between 1 hour and 31 days.");
        }

        if (options.Recent < TimeSpan.Zero)
        {
            failures.Add("Reminders:Recent must not be negative.");
        }

        if (options.TickInterval < TimeSpan.FromSeconds(1) || options.TickInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add("Reminders:TickInterval must be between 1 second and 5 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
