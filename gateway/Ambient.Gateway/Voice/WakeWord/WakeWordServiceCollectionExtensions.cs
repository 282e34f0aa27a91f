using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Voice.WakeWord;

public static class WakeWordServiceCollectionExtensions
{
    /// <summary>
    /// Wake word: options (section "WakeWord", validated at start), and — when WakeWord:ModelPath exists — the
    /// <see cref="WakeWordDetector"/> singleton, also as the Voice folder's <see cref="IWakeWordSpotter"/>. Without a
    /// model file nothing is registered and the start-up log says why (the talk button still works).
    /// </summary>
    public static IServiceCollection AddWakeWord(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(WakeWordOptions.Section);
        var configured = section.Get<WakeWordOptions>() ?? new WakeWordOptions();
        if (string.IsNullOrWhiteSpace(configured.ModelPath) || !File.Exists(configured.ModelPath))
        {
            var reason = $"WakeWord:ModelPath '{configured.ModelPath}' does not exist (train one with gateway/model/wakeword/train.sh)";
            services.AddHostedService(sp => new WakeWordStartupLog(sp, sp.GetRequiredService<ILogger<WakeWordStartupLog>>(), reason));
            return services;
        }

        services.AddOptions<WakeWordOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WakeWordOptions>, WakeWordOptionsValidator>());
        services.TryAddSingleton(sp => new WakeWordDetector(sp.GetRequiredService<IOptions<WakeWordOptions>>().Value));
        services.TryAddSingleton<IWakeWordSpotter>(sp => sp.GetRequiredService<WakeWordDetector>());
        services.AddHostedService(sp => new WakeWordStartupLog(sp, sp.GetRequiredService<ILogger<WakeWordStartupLog>>(), null));
        return services;
    }
}
