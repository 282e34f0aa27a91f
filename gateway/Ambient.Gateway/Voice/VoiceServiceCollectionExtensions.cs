namespace Ambient.Gateway.Voice;

public static class VoiceServiceCollectionExtensions
{
    /// <summary>
    /// Speech to earbuds (espeak-ng → 16 kHz → IMA ADPCM → `down/audio`), uplink reassembly and the "what's next?"
    /// answer. A wake-word detector joins by registering an <see cref="IWakeWordSpotter"/>; without one the
    /// earbud's talk button asks.
    /// </summary>
    public static IServiceCollection AddVoice(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VoiceOptions>()
            .Bind(configuration.GetSection(VoiceOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<VoiceCounters>();
        services.AddSingleton<ITextToSpeech, EspeakSynthesizer>();
        services.AddSingleton<SpeechSender>();
        services.AddSingleton<UplinkAssembler>();
        services.AddSingleton<VoiceScript>();
        services.AddSingleton<VoiceAssistant>();
        services.AddHostedService(sp => sp.GetRequiredService<VoiceAssistant>());
        return services;
    }
}
