using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Plants;

/// <summary>Checks Plants:* at start-up; each failure names the configuration key to fix.</summary>
internal sealed partial class PlantsOptionsValidator : IValidateOptions<PlantsOptions>
{
    public ValidateOptionsResult Validate(string? name, PlantsOptions options)
    {
        var failures = new List<string>();
        if (options.History < TimeSpan.FromDays(1))
        {
            failures.Add("Plants:History must be at least 1 day (light is judged over a day).");
        }

        if (options.ReevaluateEvery <= TimeSpan.Zero)
        {
            failures.Add("Plants:ReevaluateEvery must be positive.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Pots.Count; i++)
        {
            var pot = options.Pots[i];
            var key = $"Plants:Pots:{i}";
            if (!DeviceIdPattern().IsMatch(pot.DeviceId))
            {
                failures.Add($"{key}:DeviceId '{pot.DeviceId}' must match [a-z0-9-]{{3,32}}.");
            }
            else if (!seen.Add(pot.DeviceId))
            {
                failures.Add($"{key}:DeviceId '{pot.DeviceId}' appears twice.");
            }

            if (string.IsNullOrWhiteSpace(pot.Name))
            {
                failures.Add($"{key}:Name is required.");
            }

            if (SpeciesTable.Find(pot.Species) is null)
            {
                failures.Add($"{key}:Species '{pot.Species}' is unknown; use one of: {string.Join(", ", SpeciesTable.All.Select(s => s.Id))}.");
            }

            if (pot.RawDry.HasValue != pot.RawWet.HasValue)
            {
                failures.Add($"{key}:RawDry and {key}:RawWet must be set together.");
            }
            else if (pot.RawDry == pot.RawWet && pot.RawDry.HasValue)
            {
                failures.Add($"{key}:RawDry and {key}:RawWet must differ.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z0-9-]{3,32}$")]
    private static partial Regex DeviceIdPattern();
}
