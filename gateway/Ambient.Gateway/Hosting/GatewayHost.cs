using Ambient.Gateway.Api;

namespace Ambient.Gateway.Hosting;

/// <summary>
/// The web host every entry point starts from (the service, the CLI verbs, the tests). appsettings.json is read
/// from the program's own directory, not the caller's, so <c>dotnet run --project …</c> from the repository root
/// finds it; relative data paths still resolve against the caller's directory (./.ambient/ for the demo). A systemd
/// service also reads /etc/ambient/appsettings.json; command-line arguments win over every file.
/// </summary>
public static class GatewayHost
{
    public const string SystemConfigFile = "/etc/ambient/appsettings.json";

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (Microsoft.Extensions.Hosting.Systemd.SystemdHelpers.IsSystemdService())
        {
            builder.Configuration.AddJsonFile(SystemConfigFile, optional: true, reloadOnChange: false);
            builder.Configuration.AddEnvironmentVariables().AddCommandLine(args);
        }

        builder.WebHost.UseUrls(builder.Configuration[$"{ApiOptions.Section}:{nameof(ApiOptions.Url)}"] ?? ApiOptions.DefaultUrl);
        builder.Services.AddGatewayHosting(builder.Configuration);
        return builder;
    }
}
