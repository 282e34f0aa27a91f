using Microsoft.Extensions.Options;

namespace Ambient.Gateway.HomeAssistant;

/// <summary>
/// Home Assistant's login and topic rules on the embedded broker: it may subscribe under the discovery and state
/// prefixes and publish only its own status (birth/last-will), which is passed on to the bridge. Separate from the
/// bridge because the broker needs this before it starts, and the bridge needs the started broker.
/// </summary>
public sealed class HomeAssistantAccess(HomeAssistantCredentials credentials, IOptions<HomeAssistantOptions> options) : Broker.IBrokerIntegration
{
    public string Name => "homeassistant";

    public DiscoveryTopics Topics { get; } = new(options.Value);

    /// <summary>Home Assistant published on its status topic (the payload as text).</summary>
    public event Func<string, Task>? StatusAsync;

    public bool Accepts(string? userName, string? password) => credentials.Matches(userName, password);

    public bool MayPublish(string topic) => topic == Topics.Status;

    public bool MaySubscribe(string topicFilter)
    {
        ArgumentNullException.ThrowIfNull(topicFilter);
        // A filter whose first levels are a literal prefix can only match topics under that prefix.
        return topicFilter.StartsWith(options.Value.DiscoveryPrefix + "/", StringComparison.Ordinal)
               || topicFilter.StartsWith(options.Value.StatePrefix + "/", StringComparison.Ordinal);
    }

    public async Task OnPublishedAsync(string topic, ReadOnlyMemory<byte> payload)
    {
        if (topic == Topics.Status && StatusAsync is { } handler)
        {
            await handler(System.Text.Encoding.UTF8.GetString(payload.Span).Trim()).ConfigureAwait(false);
        }
    }
}
