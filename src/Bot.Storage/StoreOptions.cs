namespace Bot.Storage;

/// <summary>The <c>Store</c> configuration section.</summary>
public sealed class StoreOptions
{
    public const string SectionName = "Store";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (the default, one file) or <c>postgres</c> (several hosts sharing one database).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The provider's connection string; default <c>Data Source=data/bot.db</c>, relative to the working directory.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/bot.db";
}
