using System.Globalization;

namespace Ambient.Gateway.Demo;

/// <summary>
/// `demo [--for 30s] [--speed 60]`: how long to run (wall clock) and how fast the household's clock goes. Other
/// `--Section:Key=value` arguments are configuration and pass through to the host.
/// </summary>
public sealed record DemoOptions(TimeSpan? For, double Speed)
{
    public static DemoOptions? Parse(string[] args)
    {
        if (args is not ["demo", ..])
        {
            return null;
        }

        TimeSpan? run = null;
        var speed = 60.0;
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--for" when value is not null:
                    run = ParseDuration(value) ?? throw new ArgumentException($"--for: '{value}' is not a duration (e.g. 30s, 5m, 1h)");
                    i++;
                    break;
                case "--speed" when value is not null:
                    speed = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0
                        ? s
                        : throw new ArgumentException($"--speed: '{value}' is not a positive number");
                    i++;
                    break;
                // --Section:Key=value and --Section:Key value are configuration for the host, not demo options.
                case var config when config.Contains('=', StringComparison.Ordinal):
                    break;
                case var config when config.Contains(':', StringComparison.Ordinal):
                    i++;
                    break;
                default:
                    throw new ArgumentException($"demo: unknown option '{args[i]}' (use --for 30s and/or --speed 60)");
            }
        }

        return new DemoOptions(run, speed);
    }

    private static TimeSpan? ParseDuration(string text)
    {
        if (text.Length < 2 || !double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
        }

        return text[^1] switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            _ => null,
        };
    }
}
