using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ambient.Protocol;

namespace Ambient.Gateway.Broker;

/// <summary>
/// Keeps Mosquitto's <c>password_file</c> and <c>acl_file</c> in step with the registry in external-broker mode.
/// Only a new device's secret is ever known in clear, so the password file itself is the source of truth: a change
/// reads it, replaces, adds or removes one user's line, rewrites the gateway's own line from its options, and
/// regenerates the ACL from the users that remain. The ACL allows exactly what <c>Devices/DeviceAcl</c> allows the
/// embedded broker (up/# and status written, down/# read, own topics only), denying everything else.
/// </summary>
public sealed class MosquittoAuthFiles(ExternalBrokerOptions options)
{
    /// <summary>True when Broker:External:PasswordFile is set; otherwise the files are not the gateway's to manage.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(options.PasswordFile);

    /// <summary>Problems with the Broker:External file options, each naming its key; empty when valid or off.</summary>
    public static IEnumerable<string> Validate(ExternalBrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var passwd = !string.IsNullOrWhiteSpace(options.PasswordFile);
        var acl = !string.IsNullOrWhiteSpace(options.AclFile);
        if (passwd != acl)
        {
            yield return "Broker:External:PasswordFile and Broker:External:AclFile must be set together";
        }

        if (!passwd && !string.IsNullOrWhiteSpace(options.PidFile))
        {
            yield return "Broker:External:PidFile requires Broker:External:PasswordFile";
        }

        if (passwd && (string.IsNullOrWhiteSpace(options.UserName) || string.IsNullOrEmpty(options.Password)))
        {
            // The gateway's own account is written from these, so Mosquitto keeps letting the gateway in.
            yield return "Broker:External:UserName and Broker:External:Password are required when Broker:External:PasswordFile is set";
        }

        foreach (var (key, path) in new[] { ("PasswordFile", options.PasswordFile), ("AclFile", options.AclFile) })
        {
            if (!string.IsNullOrWhiteSpace(path) && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(path))))
            {
                yield return $"Broker:External:{key} '{path}': its directory does not exist";
            }
        }
    }

    /// <summary>Adds or replaces the device's line (a re-provisioned device gets its new secret) and regenerates the ACL.</summary>
    public void SetDevice(string deviceId, string secret) =>
        Update(deviceId, MosquittoPasswordHash.Line(deviceId, secret));

    /// <summary>Removes the device's line, so Mosquitto refuses it after the next reload.</summary>
    public void RemoveDevice(string deviceId) => Update(deviceId, null);

    /// <summary>The ACL for these users; public so the rules are tested without a broker.</summary>
    public static string Acl(string gatewayUser, IEnumerable<string> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        // Mosquitto denies whatever no rule allows; there are no "pattern" rules, so an unknown user gets nothing.
        var acl = new StringBuilder("# Written by the Ambient gateway (devices add|remove); edits are overwritten.\n\n");
        acl.Append(CultureInfo.InvariantCulture, $"user {gatewayUser}\n");
        acl.Append(CultureInfo.InvariantCulture, $"topic read {Topics.AllUp}\n");
        acl.Append(CultureInfo.InvariantCulture, $"topic read {Topics.AllStatus}\n");
        acl.Append(CultureInfo.InvariantCulture, $"topic write {Topics.Prefix}+/down/#\n");
        foreach (var id in users.Where(u => u != gatewayUser && DeviceId.IsValid(u)).Order(StringComparer.Ordinal))
        {
            // DeviceId.IsValid excludes '/', '+' and '#', so an id cannot widen its rules.
            acl.Append(CultureInfo.InvariantCulture, $"\nuser {id}\n");
            acl.Append(CultureInfo.InvariantCulture, $"topic write {Topics.Prefix}{id}/up/#\n");
            acl.Append(CultureInfo.InvariantCulture, $"topic write {Topics.Status(id)}\n");
            acl.Append(CultureInfo.InvariantCulture, $"topic read {Topics.DownFilter(id)}\n");
        }

        return acl.ToString();
    }

    private void Update(string deviceId, string? newLine)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        var gatewayUser = options.UserName!;
        if (deviceId == gatewayUser)
        {
            throw new InvalidOperationException($"'{deviceId}' is the gateway's broker account (Broker:External:UserName)");
        }

        var passwordFile = options.PasswordFile!;
        var lines = File.Exists(passwordFile) ? File.ReadAllLines(passwordFile).ToList() : [];
        lines.RemoveAll(l => MosquittoPasswordHash.UserOf(l) is { } user && (user == deviceId || user == gatewayUser));
        lines.Add(MosquittoPasswordHash.Line(gatewayUser, options.Password!));
        if (newLine is not null)
        {
            lines.Add(newLine);
        }

        var users = lines.Select(MosquittoPasswordHash.UserOf).OfType<string>().ToList();
        // ACL first: a reload that sees the new password file never finds a user without rules (it would be denied).
        WriteAtomically(options.AclFile!, Acl(gatewayUser, users));
        WriteAtomically(passwordFile, string.Join('\n', lines) + "\n");
        Reload();
    }

    /// <summary>Temp file in the same directory, then rename: Mosquitto never reads a half-written file.</summary>
    private static void WriteAtomically(string path, string content)
    {
        var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        var create = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Password hashes are secrets: owner-only from the first byte, never widened by a later chmod race.
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, create))
        {
            stream.Write(Encoding.UTF8.GetBytes(content));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>SIGHUP makes Mosquitto re-read password_file and acl_file; connected clients keep their session.</summary>
    private void Reload()
    {
        if (string.IsNullOrWhiteSpace(options.PidFile))
        {
            return;
        }

        var text = File.ReadAllText(options.PidFile).Trim();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            throw new InvalidOperationException($"Broker:External:PidFile '{options.PidFile}' does not hold a process id");
        }

        // .NET cannot send a signal to another process; kill(1) is on every system Mosquitto runs on.
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-HUP", pid.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"could not signal Mosquitto (pid {pid} from Broker:External:PidFile) to reload");
        }
    }
}
