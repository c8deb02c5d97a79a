using Bot.IntegrationTests.Support;
using Dapper;
using Npgsql;
using Xunit.Abstractions;

namespace Bot.IntegrationTests.ScaleOut;

/// <summary>
/// Several real <c>bot run</c> processes on one PostgreSQL schema, each in a folder of its own (its own inbox and dry
/// outbox), named <c>Host:Name</c> so the store says which one holds what. Disposing kills the ones still running and
/// writes the end of each host's log to the test output.
/// </summary>
internal sealed class BotCluster(string connectionString, IReadOnlyDictionary<string, string> environment, string[] shared, ITestOutputHelper output) : IAsyncDisposable
{
    private const int LogLinesShown = 60;

    private readonly List<ClusterHost> _hosts = [];

    public string ConnectionString => connectionString;

    public IReadOnlyList<ClusterHost> Hosts => _hosts;

    public static async Task<BotCluster> CreateAsync(PostgresDatabase database, ITestOutputHelper output, IReadOnlyDictionary<string, string> environment, params string[] shared)
    {
        var cluster = new BotCluster(await database.CreateSchemaAsync(), environment, shared, output);
        await cluster.MigrateAsync();
        return cluster;
    }

    /// <summary>Starts host <paramref name="name"/> with the shared settings and <paramref name="more"/>.</summary>
    public ClusterHost Start(string name, params string[] more)
    {
        var dir = new TempDirectory();
        var port = FreePort.Next();
        var process = BotProcess.Start(dir.Path, environment,
        [
            "run",
            "--Store:Provider=postgres",
            $"--Store:ConnectionString={connectionString}",
            $"--Host:Name={name}",
            $"--Http:Urls=http://127.0.0.1:{port}",
            "--Sources:Seed=",
            .. shared,
            .. more,
        ]);
        var host = new ClusterHost(name, dir, port, process);
        _hosts.Add(host);
        return host;
    }

    public async Task<ClusterHost> StartHealthyAsync(string name, params string[] more)
    {
        var host = Start(name, more);
        await host.Process.WaitUntilHealthyAsync(host.Port);
        return host;
    }

    /// <summary>
    /// The <c>Host:Name</c> of the live holder of <paramref name="singleton"/> on the database's clock, or null while nobody
    /// holds it. A holder is the host's name and a suffix of its process.
    /// </summary>
    public async Task<string?> HolderAsync(string singleton) =>
        await QueryScalarAsync<string?>("SELECT holder FROM singleton_leases WHERE name = @Name AND expires_at > now()", new { Name = singleton }) is { } holder
            ? holder[..holder.LastIndexOf(':')]
            : null;

    public async Task<T> QueryScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.ExecuteAsync(sql, parameters);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.Process.DisposeAsync();
            var lines = (host.Process.Output + host.Process.Error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            output.WriteLine($"--- {host.Name}: last {Math.Min(LogLinesShown, lines.Length)} of {lines.Length} log lines");
            foreach (var line in lines.TakeLast(LogLinesShown)) output.WriteLine(line);
            host.Folder.Dispose();
        }

        NpgsqlConnection.ClearAllPools();
    }

    // One CLI run creates the schema, so the hosts start on a migrated store and the test may seed it first.
    private async Task MigrateAsync()
    {
        var result = await BotProcess.RunAsync(Path.GetTempPath(), environment,
            ["deliveries", "--Store:Provider=postgres", $"--Store:ConnectionString={connectionString}", "--Sources:Seed=", .. shared]);
        if (result.ExitCode != 0) throw new InvalidOperationException($"migrating the cluster's store failed: {result}");
    }
}

/// <summary>One host of a <see cref="BotCluster"/>.</summary>
internal sealed record ClusterHost(string Name, TempDirectory Folder, int Port, BotProcess Process)
{
    /// <summary>Drops an article file into this host's inbox the way an editor's tool does: written aside, then renamed in.</summary>
    public async Task DropAsync(string fileName, string content)
    {
        await Eventually.HoldsAsync(() => Directory.Exists(Folder.Combine("data", "inbox")), $"{Name}'s inbox exists");
        await File.WriteAllTextAsync(Folder.Combine("data", fileName + ".tmp"), content);
        File.Move(Folder.Combine("data", fileName + ".tmp"), Folder.Combine("data", "inbox", fileName));
    }

    /// <summary>The files this host's dry <paramref name="channel"/> wrote.</summary>
    public string[] DryFiles(string channel) =>
        Directory.Exists(Folder.Combine("data", "outbox", channel)) ? Directory.GetFiles(Folder.Combine("data", "outbox", channel), "*.json") : [];
}
