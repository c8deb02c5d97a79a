using System.Data.Common;
using Bot.Core.Articles;
using Bot.Core.Storage;
using Bot.IntegrationTests.Support;
using Bot.Storage;
using Bot.Storage.Migrations;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.IntegrationTests.Storage;

/// <summary>
/// What every store must do, written once and run against each database by a sealed subclass.
/// Each test starts from its own empty database and asserts on the rows it leaves.
/// </summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    private readonly List<ServiceProvider> providers = [];

    /// <summary>The <c>Store:Provider</c> value under test.</summary>
    protected abstract string Provider { get; }

    /// <summary>A connection string that points at nothing that answers.</summary>
    protected abstract string UnreachableConnectionString { get; }

    protected string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        SkipUnlessAvailable();
        ConnectionString = await CreateEmptyDatabaseAsync();
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var provider in providers) await provider.DisposeAsync();
    }

    [SkippableFact]
    public async Task Migrate_EmptyDatabase_AppliesInitAndRecordsIt()
    {
        var services = OpenStore();

        var applied = await RunMigrationsAsync(services);

        Assert.Equal(Migration.LoadEmbedded(services.GetRequiredService<SqlDialect>()).Select(m => m.Version), applied.Select(m => m.Version));
        var rows = (await QueryAsync<(long Version, string Name, string Checksum)>(services, "SELECT version, name, checksum FROM schema_migrations WHERE version = 1")).ToList();
        var row = Assert.Single(rows);
        Assert.Equal((1L, "init", applied[0].Checksum), row);
        foreach (var table in new[] { "articles", "article_versions", "destinations", "deliveries", "subscribers", "audit_log", "bot_state" })
        {
            Assert.Equal(0L, await SingleAsync<long>(services, $"SELECT COUNT(*) FROM {table}"));
        }
    }

    [SkippableFact]
    public async Task Migrate_SecondRun_AppliesNothing()
    {
        var services = OpenStore();
        await RunMigrationsAsync(services);
        var firstAppliedAt = await SingleAsync<DateTimeOffset>(services, "SELECT applied_at FROM schema_migrations WHERE version = 1");

        var applied = await RunMigrationsAsync(OpenStore());
        await OpenStore().GetRequiredService<IStoreHealth>().MigrateAsync(CancellationToken.None);

        Assert.Empty(applied);
        Assert.Equal((long)Migration.LoadEmbedded(services.GetRequiredService<SqlDialect>()).Count, await SingleAsync<long>(services, "SELECT COUNT(*) FROM schema_migrations"));
        Assert.Equal(firstAppliedAt, await SingleAsync<DateTimeOffset>(services, "SELECT applied_at FROM schema_migrations WHERE version = 1"));
    }

    [SkippableFact]
    public async Task Migrate_AppliedScriptEdited_RefusesAndChangesNothing()
    {
        var services = OpenStore();
        await RunMigrationsAsync(services);
        var dialect = services.GetRequiredService<SqlDialect>();
        var edited = Migration.LoadEmbedded(dialect).Select(m => m.Version == 1 ? m with { Sql = m.Sql + "\nCREATE TABLE sneaky (id bigint);" } : m).ToList();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => services.GetRequiredService<MigrationRunner>().RunAsync(edited, CancellationToken.None));

        Assert.Contains("0001_init", error.Message);
        Assert.Contains("changed after it was applied", error.Message);
        Assert.Equal(Migration.LoadEmbedded(dialect)[0].Checksum, await SingleAsync<string>(services, "SELECT checksum FROM schema_migrations WHERE version = 1"));
    }

    [SkippableFact]
    public async Task Migrate_ChecksumInDatabaseDiffers_MigrateAsyncThrows()
    {
        var services = OpenStore();
        var health = services.GetRequiredService<IStoreHealth>();
        await health.MigrateAsync(CancellationToken.None);
        await ExecuteAsync(services, "UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => health.MigrateAsync(CancellationToken.None));

        Assert.Contains("0001_init", error.Message);
    }

    [SkippableFact]
    public async Task Migrate_FourProcessesAtOnce_EachScriptAppliedOnce()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => OpenStore()).ToList();

        var applied = await Task.WhenAll(stores.Select(s => Task.Run(() => RunMigrationsAsync(s))));

        var embedded = Migration.LoadEmbedded(stores[0].GetRequiredService<SqlDialect>()).Count;
        Assert.Equal(embedded, applied.Sum(a => a.Count));
        Assert.Equal((long)embedded, await SingleAsync<long>(stores[0], "SELECT COUNT(*) FROM schema_migrations"));
        Assert.Equal(0L, await SingleAsync<long>(stores[0], "SELECT COUNT(*) FROM deliveries"));
    }

    [SkippableFact]
    public async Task Ping_MigratedStore_ReturnsTrue()
    {
        var services = await OpenMigratedStoreAsync();

        var alive = await services.GetRequiredService<IStoreHealth>().PingAsync(CancellationToken.None);

        Assert.True(alive);
    }

    [SkippableFact]
    public async Task Ping_DatabaseUnreachable_ReturnsFalse()
    {
        var services = OpenStore(connectionString: UnreachableConnectionString);

        var alive = await services.GetRequiredService<IStoreHealth>().PingAsync(CancellationToken.None);

        Assert.False(alive);
    }

    [SkippableFact]
    public async Task Import_NewKey_CreatesVersionOneWithEveryField()
    {
        var services = await OpenMigratedStoreAsync();
        var store = services.GetRequiredService<IArticleStore>();
        var article = SampleArticles.Arabic();

        var result = await store.ImportAsync(article, CancellationToken.None);

        Assert.Equal(new ImportResult(article.Key, 1, article.Title, ImportStatus.Created), result);
        AssertSameArticle(article with { Version = 1 }, await store.GetAsync(article.Key, null, CancellationToken.None));
        AssertSameArticle(article with { Version = 1 }, await OpenStore().GetRequiredService<IArticleStore>().GetAsync(article.Key, 1, CancellationToken.None));
        var head = await SingleAsync<(long LatestVersion, string Title, bool Retracted)>(
            services, "SELECT latest_version, title, retracted FROM articles WHERE key = @Key", new { article.Key });
        Assert.Equal((1L, article.Title, false), head);
        var version = await SingleAsync<(string Fingerprint, string Language, DateTimeOffset Published, DateTimeOffset Received)>(
            services, "SELECT fingerprint, language, published_at, received_at FROM article_versions WHERE key = @Key AND version = 1", new { article.Key });
        Assert.Equal(ArticleFingerprint.Compute(article), version.Fingerprint);
        Assert.Equal("ar", version.Language);
        Assert.Equal(TruncateToMicroseconds(article.Published!.Value), version.Published);
        Assert.Equal(TimeSpan.Zero, version.Published.Offset);
        Assert.Equal(TruncateToMicroseconds(article.Received), version.Received);
    }

    [SkippableFact]
    public async Task Import_SameContentAgain_UnchangedAndWritesNothing()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));
        var services = await OpenMigratedStoreAsync(time);
        var store = services.GetRequiredService<IArticleStore>();
        var article = SampleArticles.Arabic();
        await store.ImportAsync(article, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(5));

        var result = await store.ImportAsync(article with { Received = article.Received.AddHours(1) }, CancellationToken.None);

        Assert.Equal(new ImportResult(article.Key, 1, article.Title, ImportStatus.Unchanged), result);
        Assert.Equal(1L, await SingleAsync<long>(services, "SELECT COUNT(*) FROM article_versions"));
        Assert.Equal(time.GetUtcNow().AddMinutes(-5), await SingleAsync<DateTimeOffset>(services, "SELECT updated_at FROM articles"));
        AssertSameArticle(article with { Version = 1 }, await store.GetAsync(article.Key, null, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Import_ChangedContent_UpdatedToNextVersionKeepingOld()
    {
        var services = await OpenMigratedStoreAsync();
        var store = services.GetRequiredService<IArticleStore>();
        var first = SampleArticles.Arabic();
        var corrected = first with { Title = first.Title + " (تصحيح)", Paragraphs = [.. first.Paragraphs, "فقرة مضافة."], Tags = ["القدس"] };
        var retracted = corrected with { Retracted = true };
        await store.ImportAsync(first, CancellationToken.None);

        var second = await store.ImportAsync(corrected, CancellationToken.None);
        var third = await store.ImportAsync(retracted, CancellationToken.None);
        var again = await store.ImportAsync(retracted, CancellationToken.None);

        Assert.Equal(new ImportResult(first.Key, 2, corrected.Title, ImportStatus.Updated), second);
        Assert.Equal(new ImportResult(first.Key, 3, corrected.Title, ImportStatus.Updated), third);
        Assert.Equal(ImportStatus.Unchanged, again.Status);
        Assert.Equal(3, again.Version);
        AssertSameArticle(first with { Version = 1 }, await store.GetAsync(first.Key, 1, CancellationToken.None));
        AssertSameArticle(corrected with { Version = 2 }, await store.GetAsync(first.Key, 2, CancellationToken.None));
        AssertSameArticle(retracted with { Version = 3 }, await store.GetAsync(first.Key, null, CancellationToken.None));
        Assert.Equal([1L, 2L, 3L], await QueryAsync<long>(services, "SELECT version FROM article_versions WHERE key = @Key ORDER BY version", new { first.Key }));
        var head = await SingleAsync<(long LatestVersion, string Title, bool Retracted)>(services, "SELECT latest_version, title, retracted FROM articles");
        Assert.Equal((3L, corrected.Title, true), head);
    }

    [SkippableFact]
    public async Task Import_ReceivedNotSet_TakesTheClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 6, 1, 2, TimeSpan.Zero));
        var store = (await OpenMigratedStoreAsync(time)).GetRequiredService<IArticleStore>();

        await store.ImportAsync(SampleArticles.Plain("k", "Title"), CancellationToken.None);

        var stored = await store.GetAsync("k", null, CancellationToken.None);
        Assert.Equal(time.GetUtcNow(), stored!.Received);
        Assert.Null(stored.Published);
        Assert.Empty(stored.Tags);
        Assert.Null(stored.Summary);
    }

    [SkippableFact]
    public async Task Get_UnknownKeyOrVersion_ReturnsNull()
    {
        var store = (await OpenMigratedStoreAsync()).GetRequiredService<IArticleStore>();
        await store.ImportAsync(SampleArticles.Plain("known", "Known"), CancellationToken.None);

        Assert.Null(await store.GetAsync("unknown", null, CancellationToken.None));
        Assert.Null(await store.GetAsync("known", 2, CancellationToken.None));
    }

    [SkippableFact]
    public async Task ListRecent_SeveralArticles_LatestVersionsNewestFirst()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));
        var store = (await OpenMigratedStoreAsync(time)).GetRequiredService<IArticleStore>();
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            await store.ImportAsync(SampleArticles.Plain(key, $"Title {key}"), CancellationToken.None);
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        await store.ImportAsync(SampleArticles.Plain("b", "Title b, corrected"), CancellationToken.None);
        var recent = await store.ListRecentAsync(3, CancellationToken.None);

        Assert.Equal(["b", "d", "c"], recent.Select(a => a.Key));
        Assert.Equal([2, 1, 1], recent.Select(a => a.Version));
        Assert.Equal("Title b, corrected", recent[0].Title);
        Assert.Empty(await store.ListRecentAsync(0, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Import_TwoProcessesAtOnce_NoLostNoDuplicatedVersions()
    {
        const int SharedKeys = 30;
        const int OwnKeys = 30;
        var setup = await OpenMigratedStoreAsync();
        // Each importer has its own container and its own connection pool (the connection strings
        // differ), as two bot processes would.
        var importers = new[] { ("A", ConnectionString), ("B", ConnectionString + ";Pooling=True") }
            .Select(i => (Name: i.Item1, Store: OpenStore(connectionString: i.Item2).GetRequiredService<IArticleStore>()))
            .ToList();

        // Phase 1: the same content under shared keys, plus keys only one importer knows.
        var phase1 = await Task.WhenAll(importers.Select(importer => Task.Run(async () =>
        {
            var results = new List<ImportResult>();
            for (var i = 0; i < SharedKeys; i++)
            {
                results.Add(await importer.Store.ImportAsync(SampleArticles.Plain($"shared-{i}", $"Shared {i}"), CancellationToken.None));
                results.Add(await importer.Store.ImportAsync(SampleArticles.Plain($"{importer.Name}-{i % OwnKeys}", $"Own {importer.Name} {i}"), CancellationToken.None));
            }

            return results;
        })));

        // Phase 2: each importer corrects every shared key differently.
        var phase2 = await Task.WhenAll(importers.Select(importer => Task.Run(async () =>
        {
            var results = new List<ImportResult>();
            for (var i = 0; i < SharedKeys; i++)
            {
                results.Add(await importer.Store.ImportAsync(SampleArticles.Plain($"shared-{i}", $"Shared {i}", $"Corrected by {importer.Name}."), CancellationToken.None));
            }

            return results;
        })));

        var first = phase1.SelectMany(r => r).ToList();
        for (var i = 0; i < SharedKeys; i++)
        {
            var shared = first.Where(r => r.Key == $"shared-{i}").ToList();
            Assert.Equal([ImportStatus.Created, ImportStatus.Unchanged], shared.Select(r => r.Status).Order());
            Assert.All(shared, r => Assert.Equal(1, r.Version));
            var corrections = phase2.SelectMany(r => r).Where(r => r.Key == $"shared-{i}").ToList();
            Assert.All(corrections, r => Assert.Equal(ImportStatus.Updated, r.Status));
            Assert.Equal([2, 3], corrections.Select(r => r.Version).Order());
        }

        Assert.All(first.Where(r => !r.Key.StartsWith("shared-", StringComparison.Ordinal)), r => Assert.Equal((1, ImportStatus.Created), (r.Version, r.Status)));
        Assert.Equal((long)SharedKeys + 2 * OwnKeys, await SingleAsync<long>(setup, "SELECT COUNT(*) FROM articles"));
        Assert.Equal((long)SharedKeys * 3 + 2 * OwnKeys, await SingleAsync<long>(setup, "SELECT COUNT(*) FROM article_versions"));
        var gaps = await QueryAsync<string>(setup,
            """
            SELECT a.key FROM articles a
            WHERE a.latest_version <> (SELECT COUNT(*) FROM article_versions v WHERE v.key = a.key)
               OR a.latest_version <> (SELECT MAX(v.version) FROM article_versions v WHERE v.key = a.key)
            """);
        Assert.Empty(gaps);
        var distinctContents = await SingleAsync<long>(setup, "SELECT COUNT(DISTINCT fingerprint) FROM article_versions WHERE key = 'shared-0'");
        Assert.Equal(3L, distinctContents);
    }

    [SkippableFact]
    public async Task Import_SameKeyFromTwoFeedsAndTheNewsroom_ThreeArticlesEachWithItsOrigin()
    {
        var services = await OpenMigratedStoreAsync();
        var store = services.GetRequiredService<IArticleStore>();
        var item = SampleArticles.Plain("shared", "Shared");

        foreach (var origin in new[] { ArticleOrigin.Newsroom, ArticleOrigin.Feed("a"), ArticleOrigin.Feed("b") })
        {
            await store.ImportAsync(((ArticleReadResult.Success)origin.Take(item with { Title = $"From {origin}" })).Article, CancellationToken.None);
        }

        var rows = await QueryAsync<(string Key, string Origin, long Latest)>(services, "SELECT key, origin, latest_version FROM articles ORDER BY key");
        Assert.Equal([("@a/shared", "feed:a", 1L), ("@b/shared", "feed:b", 1L), ("shared", "newsroom", 1L)], rows);
        var fromA = await store.GetAsync("@a/shared", 1, CancellationToken.None);
        Assert.Equal(("From feed:a", ArticleOrigin.Feed("a")), (fromA!.Title, fromA.Origin));
        Assert.Equal(ArticleOrigin.Newsroom, (await store.GetAsync("shared", null, CancellationToken.None))!.Origin);
        Assert.Equal([ArticleOrigin.Feed("b"), ArticleOrigin.Feed("a"), ArticleOrigin.Newsroom], (await store.ListRecentAsync(3, CancellationToken.None)).Select(a => a.Origin));
    }

    [SkippableFact]
    public async Task Import_IdHeldByAnotherOrigin_RefusedAndNothingStored()
    {
        var services = await OpenMigratedStoreAsync();
        var store = services.GetRequiredService<IArticleStore>();
        // Only a newsroom key stored before origins existed can look like a feed item's id.
        await store.ImportAsync(SampleArticles.Plain("@desk/1", "Old newsroom article"), CancellationToken.None);
        var item = ((ArticleReadResult.Success)ArticleOrigin.Feed("desk").Take(SampleArticles.Plain("1", "Feed item"))).Article;

        var error = await Assert.ThrowsAsync<ArticleOriginConflictException>(() => store.ImportAsync(item, CancellationToken.None));

        Assert.Equal("the id @desk/1 belongs to an article from newsroom, not feed:desk; nothing was stored", error.Message);
        Assert.Equal(1L, await SingleAsync<long>(services, "SELECT COUNT(*) FROM article_versions"));
        Assert.Equal("Old newsroom article", (await store.GetAsync("@desk/1", null, CancellationToken.None))!.Title);
    }

    [SkippableFact]
    public async Task Import_RetractedThenTheSameItemAgain_StaysRetractedAndStoresNothing()
    {
        var services = await OpenMigratedStoreAsync();
        var store = services.GetRequiredService<IArticleStore>();
        var first = SampleArticles.Plain("k", "Title", "First text.");
        var corrected = first with { Paragraphs = ["Corrected text."] };
        await store.ImportAsync(first, CancellationToken.None);
        await store.ImportAsync(corrected, CancellationToken.None);
        await store.ImportAsync(corrected with { Retracted = true }, CancellationToken.None);

        var again = await store.ImportAsync(corrected, CancellationToken.None);
        var older = await store.ImportAsync(first, CancellationToken.None);
        var retractedOther = await store.ImportAsync(first with { Title = "Other", Retracted = true }, CancellationToken.None);
        var retractionAgain = await store.ImportAsync(corrected with { Retracted = true }, CancellationToken.None);

        Assert.Equal(new ImportResult("k", 3, "Title", ImportStatus.Retracted), again);
        Assert.Equal(new ImportResult("k", 3, "Title", ImportStatus.Retracted), older);
        Assert.Equal(ImportStatus.Retracted, retractedOther.Status);
        Assert.Equal(ImportStatus.Unchanged, retractionAgain.Status);
        Assert.Equal(3L, await SingleAsync<long>(services, "SELECT COUNT(*) FROM article_versions"));
        Assert.True((await store.GetAsync("k", null, CancellationToken.None))!.Retracted);
    }

    [SkippableFact]
    public async Task Import_RetractedThenNewContentOrAnExplicitReinstatement_NewLiveVersion()
    {
        var services = await OpenMigratedStoreAsync();
        var store = services.GetRequiredService<IArticleStore>();
        var first = SampleArticles.Plain("k", "Title", "First text.");
        await store.ImportAsync(first, CancellationToken.None);
        await store.ImportAsync(first with { Retracted = true }, CancellationToken.None);

        var rewritten = await store.ImportAsync(first with { Paragraphs = ["Rewritten text."] }, CancellationToken.None);
        await store.ImportAsync(first with { Paragraphs = ["Rewritten text."], Retracted = true }, CancellationToken.None);
        var reinstated = await store.ImportAsync(first with { Reinstates = true }, CancellationToken.None);

        Assert.Equal(new ImportResult("k", 3, "Title", ImportStatus.Updated), rewritten);
        Assert.Equal(new ImportResult("k", 5, "Title", ImportStatus.Updated), reinstated);
        var latest = await store.GetAsync("k", null, CancellationToken.None);
        Assert.Equal((5, false, "First text."), (latest!.Version, latest.Retracted, latest.Paragraphs.Single()));
        Assert.False(await SingleAsync<bool>(services, "SELECT retracted FROM articles WHERE key = 'k'"));
    }

    [SkippableFact]
    public async Task Migrate_StoreFromBeforeOrigins_ItsArticlesBelongToTheNewsroom()
    {
        var services = OpenStore();
        var runner = services.GetRequiredService<MigrationRunner>();
        var all = Migration.LoadEmbedded(services.GetRequiredService<SqlDialect>());
        await runner.RunAsync([.. all.Where(m => m.Version < 10)], CancellationToken.None);
        await PreOriginArticle.InsertAsync(services.GetRequiredService<IDbConnectionFactory>(), "guid-1", "Old", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

        await runner.RunAsync(all, CancellationToken.None);
        var store = services.GetRequiredService<IArticleStore>();
        var fromFeed = await store.ImportAsync(((ArticleReadResult.Success)ArticleOrigin.Feed("desk").Take(SampleArticles.Plain("guid-1", "New"))).Article, CancellationToken.None);

        Assert.Equal("newsroom", await SingleAsync<string>(services, "SELECT origin FROM articles WHERE key = 'guid-1'"));
        var old = await store.GetAsync("guid-1", null, CancellationToken.None);
        Assert.Equal(("Old", ArticleOrigin.Newsroom), (old!.Title, old.Origin));
        Assert.Equal(new ImportResult("@desk/guid-1", 1, "New", ImportStatus.Created), fromFeed);
    }

    [SkippableFact]
    public async Task Timestamps_AnyOffset_StoredAsUtcAndReadBackEqual()
    {
        var services = await OpenMigratedStoreAsync();
        var instants = new[]
        {
            new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(3)).AddTicks(10),
            new DateTimeOffset(2026, 11, 30, 5, 59, 59, TimeSpan.Zero).AddTicks(9_999_990),
            new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.FromHours(-8)),
        };
        foreach (var at in instants)
        {
            await ExecuteAsync(services, "INSERT INTO audit_log (at, actor, action, detail) VALUES (@At, 'test', 'probe', NULL)", new { At = at });
        }

        var read = (await QueryAsync<DateTimeOffset>(services, "SELECT at FROM audit_log ORDER BY at")).ToList();
        var nullable = await SingleAsync<DateTimeOffset?>(services, "SELECT MAX(at) FROM audit_log WHERE actor = 'nobody'");

        Assert.Equal(instants.Select(TruncateToMicroseconds).OrderBy(i => i), read);
        Assert.All(read, at => Assert.Equal(TimeSpan.Zero, at.Offset));
        Assert.Null(nullable);
    }

    [SkippableFact]
    public async Task Deliveries_UnknownDestination_RejectedByForeignKey()
    {
        var services = await OpenMigratedStoreAsync();
        await services.GetRequiredService<IArticleStore>().ImportAsync(SampleArticles.Plain("k", "T"), CancellationToken.None);
        var now = DateTimeOffset.UtcNow;

        var insert = () => ExecuteAsync(services,
            """
            INSERT INTO deliveries (article_key, article_version, destination, kind, status, next_attempt_at, created_at, updated_at)
            VALUES ('k', 1, 'nowhere', 'announce', 'queued', @Now, @Now, @Now)
            """,
            new { Now = now });

        await Assert.ThrowsAnyAsync<DbException>(insert);
        await ExecuteAsync(services, "INSERT INTO destinations (name, channel, address, updated_at) VALUES ('nowhere', 'telegram', '-100', @Now)", new { Now = now });
        await insert();
        Assert.Equal(1L, await SingleAsync<long>(services, "SELECT COUNT(*) FROM deliveries"));
        await Assert.ThrowsAnyAsync<DbException>(insert);
    }

    /// <summary>Skips the test when its database is not available here.</summary>
    protected virtual void SkipUnlessAvailable()
    {
    }

    /// <summary>A connection string for a new, empty database used by one test only.</summary>
    protected abstract Task<string> CreateEmptyDatabaseAsync();

    protected ServiceProvider OpenStore(TimeProvider? time = null, string? connectionString = null)
    {
        var provider = TestStorage.Open(Provider, connectionString ?? ConnectionString, time);
        providers.Add(provider);
        return provider;
    }

    protected async Task<ServiceProvider> OpenMigratedStoreAsync(TimeProvider? time = null)
    {
        var services = OpenStore(time);
        await services.GetRequiredService<IStoreHealth>().MigrateAsync(CancellationToken.None);
        return services;
    }

    protected static Task<IReadOnlyList<Migration>> RunMigrationsAsync(IServiceProvider services) =>
        services.GetRequiredService<MigrationRunner>().RunAsync(
            Migration.LoadEmbedded(services.GetRequiredService<SqlDialect>()), CancellationToken.None);

    protected static async Task<T> SingleAsync<T>(IServiceProvider services, string sql, object? parameters = null)
    {
        await using var connection = await OpenConnectionAsync(services);
        return await connection.QuerySingleAsync<T>(sql, parameters);
    }

    protected static async Task<IReadOnlyList<T>> QueryAsync<T>(IServiceProvider services, string sql, object? parameters = null)
    {
        await using var connection = await OpenConnectionAsync(services);
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    protected static async Task ExecuteAsync(IServiceProvider services, string sql, object? parameters = null)
    {
        await using var connection = await OpenConnectionAsync(services);
        await connection.ExecuteAsync(sql, parameters);
    }

    protected static Task<DbConnection> OpenConnectionAsync(IServiceProvider services) =>
        services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);

    private static DateTimeOffset TruncateToMicroseconds(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % 10, TimeSpan.Zero);

    private static void AssertSameArticle(Article expected, Article? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Key, actual.Key);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Summary, actual.Summary);
        Assert.Equal(expected.Paragraphs, actual.Paragraphs);
        Assert.Equal(expected.Url, actual.Url);
        Assert.Equal(expected.Image, actual.Image);
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.Author, actual.Author);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.Category, actual.Category);
        Assert.Equal(expected.Language, actual.Language);
        Assert.Equal(expected.Direction, actual.Direction);
        Assert.Equal(expected.Published, actual.Published);
        Assert.Equal(expected.Published?.Offset, actual.Published?.Offset);
        Assert.Equal(expected.Received, actual.Received);
        Assert.Equal(expected.Received.Offset, actual.Received.Offset);
        Assert.Equal(expected.Retracted, actual.Retracted);
        Assert.Equal(expected.Body, actual.Body);
        Assert.Equal(ArticleFingerprint.Compute(expected), ArticleFingerprint.Compute(actual));
    }
}
