using System.Net;
using Bot.IntegrationTests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit;

namespace Bot.IntegrationTests.Admin;

/// <summary>
/// <c>bot run</c> as processes: a sign-in form issued by one process is accepted by the next one on the same data
/// folder (SQLite) and by another host on the same PostgreSQL database, because the data-protection keys live in
/// the store, encrypted; and no process logs a data-protection warning.
/// </summary>
public sealed class RunDataProtectionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const string Key = "data-protection-admin-key-0123";

    private readonly TempDirectory _first = new();
    private readonly TempDirectory _second = new();
    private readonly List<BotProcess> _bots = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var bot in _bots) await bot.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _first.Dispose();
        _second.Dispose();
    }

    [Fact]
    public async Task Run_Restart_FormIssuedBeforeIsAcceptedAfterAndKeysStoredEncrypted()
    {
        var port = FreePort.Next();
        var first = await StartAsync(_first.Path, port, new Dictionary<string, string>());
        var (token, cookies) = await FormAsync(port);
        var firstOutput = await StopAsync(first);

        var second = await StartAsync(_first.Path, port, new Dictionary<string, string>());
        using var signIn = await SignInAsync(port, token, cookies);
        var secondOutput = await StopAsync(second);

        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal("/admin", signIn.Headers.Location?.OriginalString);
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("bot_admin=", StringComparison.Ordinal));
        AssertNoDataProtectionWarning(firstOutput);
        AssertNoDataProtectionWarning(secondOutput);
        await using var db = new SqliteConnection($"Data Source={_first.Combine("data", "bot.db")};Mode=ReadOnly;Pooling=False");
        var stored = Assert.Single(await db.QueryAsync<string>("SELECT xml FROM data_protection_keys"));
        Assert.Contains("CipherXmlDecryptor", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AdminKeyChanged_EarlierFormVoidNewFormWorksAndNoErrorLogged()
    {
        const string NewKey = "data-protection-admin-key-4567";
        var port = FreePort.Next();
        var first = await StartAsync(_first.Path, port, new Dictionary<string, string>());
        var (earlier, earlierCookies) = await FormAsync(port);
        await StopAsync(first);

        var second = await StartAsync(_first.Path, port, new Dictionary<string, string>(), NewKey);
        using var withEarlier = await SignInAsync(port, earlier, earlierCookies, NewKey);
        var (token, cookies) = await FormAsync(port);
        using var withNew = await SignInAsync(port, token, cookies, NewKey);
        var output = await StopAsync(second);

        Assert.Equal(HttpStatusCode.BadRequest, withEarlier.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, withNew.StatusCode);
        AssertNoDataProtectionWarning(output);
        Assert.Contains("1 stored data-protection keys were sealed under an earlier Http:AdminKey", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, output, StringComparison.Ordinal);
        Assert.DoesNotContain(NewKey, output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Run_TwoHostsOnOnePostgres_FormIssuedByOneAcceptedByTheOther()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var store = new Dictionary<string, string> { ["Store__Provider"] = "postgres", ["Store__ConnectionString"] = await database.CreateSchemaAsync() };
        var (portA, portB) = (FreePort.Next(), FreePort.Next());
        var hostA = await StartAsync(_first.Path, portA, store);
        var hostB = await StartAsync(_second.Path, portB, store);

        var (token, cookies) = await FormAsync(portA);
        using var signIn = await SignInAsync(portB, token, cookies);
        var outputA = await StopAsync(hostA);
        var outputB = await StopAsync(hostB);

        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        AssertNoDataProtectionWarning(outputA);
        AssertNoDataProtectionWarning(outputB);
        await using var db = new NpgsqlConnection(store["Store__ConnectionString"]);
        Assert.Equal(1L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM data_protection_keys"));
    }

    private async Task<BotProcess> StartAsync(string folder, int port, IReadOnlyDictionary<string, string> environment, string adminKey = Key)
    {
        var bot = BotProcess.Start(folder, environment, "run", $"--Http:Urls=http://127.0.0.1:{port}", "--Sources:Seed=", $"--Http:AdminKey={adminKey}");
        _bots.Add(bot);
        await Healthz.WaitAsync(port);
        return bot;
    }

    private static async Task<string> StopAsync(BotProcess bot)
    {
        bot.Terminate();
        var result = await bot.WaitForExitAsync();
        return result.Output + result.Error;
    }

    // A browser tab opening the sign-in form: its token and the antiforgery cookie that goes with it.
    private static async Task<(string Token, CookieContainer Cookies)> FormAsync(int port)
    {
        var cookies = new CookieContainer();
        using var tab = Tab(port, cookies);
        return (AdminHost.FormToken(await tab.GetStringAsync("/admin/login")), cookies);
    }

    private static async Task<HttpResponseMessage> SignInAsync(int port, string token, CookieContainer cookies, string adminKey = Key)
    {
        using var tab = Tab(port, cookies);
        return await tab.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["form_token"] = token, ["key"] = adminKey }));
    }

    // Cookies belong to the host name, not the port: the second process sees the first one's antiforgery cookie.
    private static HttpClient Tab(int port, CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies, UseCookies = true }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

    private static void AssertNoDataProtectionWarning(string output)
    {
        Assert.Contains("Application started", output, StringComparison.Ordinal);
        Assert.DoesNotContain(
            output.Split('\n'),
            line => line.Contains("DataProtection", StringComparison.Ordinal) && (line.Contains(" warn ", StringComparison.Ordinal) || line.Contains(" fail ", StringComparison.Ordinal)));
        Assert.DoesNotContain("XML encryptor", output, StringComparison.Ordinal);
    }
}
