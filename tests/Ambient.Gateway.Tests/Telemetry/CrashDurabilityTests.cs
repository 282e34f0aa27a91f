using System.Collections.Concurrent;
using Ambient.Gateway.Devices;
using Ambient.Gateway.Storage;
using Ambient.Gateway.Telemetry;
using Ambient.Gateway.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Exceptions;

namespace Ambient.Gateway.Tests.Telemetry;

/// <summary>
/// The promise behind commit-before-PUBACK, tested the hard way: a gateway process ingesting 10,000 frames from 20
/// devices is SIGKILLed mid-way; every frame acknowledged before the kill must already be in the file, and after
/// a restart and a full replay every reading is stored exactly once.
/// </summary>
public sealed class CrashDurabilityTests : IDisposable
{
    private const int DeviceCount = 20;
    private const int FramesPerDevice = 500;
    private const int KillAfterAcks = 4000;
    private readonly string _dir = Directory.CreateTempSubdirectory("ambient-crash-").FullName;

    // The process runs on the real clock, so frames are stamped within the raw retention of today.
    private static readonly uint Epoch = (uint)DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeSeconds();

    [Fact]
    public async Task Every_acknowledged_reading_survives_a_sigkill_and_a_replay_stores_each_reading_once()
    {
        var secrets = Provision();
        var port = FreePort.Next();
        var acked = new ConcurrentDictionary<(string Device, uint Seq), bool>();

        using (var gateway = await GatewayProcess.StartAsync(_dir, port))
        {
            var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var devices = secrets.Select(d => PublishAllAsync(port, d.Id, d.Secret, acked, () =>
            {
                if (acked.Count >= KillAfterAcks && killed.TrySetResult())
                {
                    _ = gateway.KillAsync();
                }
            }));
            await Task.WhenAll(devices);
            Assert.True(killed.Task.IsCompleted, "the gateway was killed mid-way");
        }

        Assert.InRange(acked.Count, KillAfterAcks, DeviceCount * FramesPerDevice - 1);
        var stored = StoredKeys();
        Assert.All(acked.Keys, key => Assert.Contains(key, stored));

        // Devices replay everything from their ring buffers, acknowledged or not.
        using (await GatewayProcess.StartAsync(_dir, port))
        {
            var replayed = new ConcurrentDictionary<(string Device, uint Seq), bool>();
            await Task.WhenAll(secrets.Select(d => PublishAllAsync(port, d.Id, d.Secret, replayed, () => { })));
            Assert.Equal(DeviceCount * FramesPerDevice, replayed.Count);
        }

        Assert.Equal(DeviceCount * FramesPerDevice, StoredKeys().Count);
        using var connection = Open();
        Assert.Equal(DeviceCount * FramesPerDevice, Query.Scalar(connection, "SELECT count(*) FROM readings"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Publishes frames 1..500 in order, recording each acknowledged one; stops when the connection dies.</summary>
    private static async Task PublishAllAsync(int port, string id, string secret, ConcurrentDictionary<(string, uint), bool> acked, Action afterAck)
    {
        var client = await MqttDevice.ConnectAcceptedAsync(port, id, secret);
        for (uint seq = 1; seq <= FramesPerDevice; seq++)
        {
            MqttClientPublishResult result;
            try
            {
                result = await client.PublishQos1Async($"ambient/v1/{id}/up/telemetry", Frames.Temperature(1, seq, Epoch + seq, 2000));
            }
            catch (Exception e) when (e is MqttCommunicationException or MqttClientNotConnectedException or OperationCanceledException)
            {
                Assert.True(seq > 1 || !acked.IsEmpty, $"{id} failed before any frame was acknowledged: {e.Message}");
                DisposeAfterPeerDied(client);
                return; // the gateway was killed; frames from here on were never acknowledged
            }

            Assert.True(result.IsSuccess, $"{id} seq {seq}: {result.ReasonCode}");
            acked[(id, seq)] = true;
            afterAck();
        }

        client.Dispose();
    }

    // MQTTnet 5 tears a dead connection down on its receive loop, which disposes the client's cancellation source;
    // a Dispose that runs at the same moment cancels the disposed source and throws (seen once in CI). The client is
    // gone either way: what matters here is that it no longer counts as connected.
    private static void DisposeAfterPeerDied(IMqttClient client)
    {
        try
        {
            client.Dispose();
        }
        catch (ObjectDisposedException)
        {
            Assert.False(client.IsConnected, "Dispose failed on a client that still counts as connected");
        }
    }

    private List<(string Id, string Secret)> Provision()
    {
        var options = Options.Create(new DevicesOptions { Argon2MemoryKiB = 1024, Argon2Iterations = 1 });
        var registry = new DeviceRegistry(CreateDatabase(), new SecretHasher(options), TimeProvider.System);
        return Enumerable.Range(0, DeviceCount).Select(i => $"plant-{i:D2}").Select(id => (id, registry.Add(id, "planter").Secret)).ToList();
    }

    private HashSet<(string, uint)> StoredKeys()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT device, seq FROM readings";
        using var reader = command.ExecuteReader();
        var keys = new HashSet<(string, uint)>();
        while (reader.Read())
        {
            Assert.True(keys.Add((reader.GetString(0), (uint)reader.GetInt64(1))), "a reading is stored twice");
        }

        return keys;
    }

    private SqliteConnection Open() => CreateDatabase().Open();

    private Database CreateDatabase() =>
        new(Options.Create(new StorageOptions { DatabasePath = Path.Combine(_dir, "ambient.db") }), [new DeviceSchema(), new TelemetrySchema()]);
}
