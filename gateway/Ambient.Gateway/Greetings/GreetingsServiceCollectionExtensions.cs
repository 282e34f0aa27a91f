using Ambient.Language;
using Ambient.Language.Model;
using Microsoft.Extensions.Options;

namespace Ambient.Gateway.Greetings;

public static class GreetingsServiceCollectionExtensions
{
    /// <summary>
    /// The greeting pipeline: facts → <see cref="IGreetingGenerator"/> → magnet display, the morning greeting written
    /// ahead, and the plant/reminder notices. The generator is registered here, once, for every capability that writes
    /// (Voice included): the model when Language:Model is enabled and its files load, else the template.
    /// </summary>
    public static IServiceCollection AddGreetings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GreetingsOptions>()
            .Bind(configuration.GetSection(GreetingsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ModelOptions>()
            .Bind(configuration.GetSection(ModelOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ModelOptions>, ModelOptionsValidator>();
        // The one registration point of the writer: LanguageModelFactory falls back to the template (with the reason)
        // when the model is off, missing or does not load.
        services.AddSingleton(sp =>
        {
            var choice = LanguageModelFactory.Create(sp.GetRequiredService<IOptions<ModelOptions>>().Value, new TemplateGenerator());
            var logger = sp.GetRequiredService<ILogger<GreetingWriter>>();
            GreetingsLog.WriterChosen(logger, choice.Reason);
            return choice;
        });
        services.AddSingleton(sp => sp.GetRequiredService<LanguageModelChoice>().Generator);
        services.AddSingleton<GreetingWriter>();
        services.AddSingleton<FactsBuilder>();
        services.AddSingleton<GreetingService>();
        services.AddHostedService(sp => sp.GetRequiredService<GreetingService>());
        services.AddHostedService<MorningPreparer>();
        services.AddSingleton<MagnetNotices>();
        services.AddHostedService(sp => sp.GetRequiredService<MagnetNotices>());
        return services;
    }

    /// <summary>Language:Model errors at start-up, each naming its key (ModelOptions.Validate).</summary>
    private sealed class ModelOptionsValidator : IValidateOptions<ModelOptions>
    {
        public ValidateOptionsResult Validate(string? name, ModelOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
