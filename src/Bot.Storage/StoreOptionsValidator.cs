using Microsoft.Extensions.Options;
using Npgsql;

namespace Bot.Storage;

/// <summary>Turns a bad <c>Store</c> section into a start-up error that names the key to fix.</summary>
internal sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        var provider = options.Provider?.Trim() ?? "";
        if (provider.Equals(StoreOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? ValidateOptionsResult.Fail("Store:ConnectionString is empty; give a SQLite connection string such as 'Data Source=data/bot.db'.")
                : ValidateOptionsResult.Success;
        }

        if (provider.Equals(StoreOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                return string.IsNullOrWhiteSpace(builder.Host)
                    ? ValidateOptionsResult.Fail("Store:ConnectionString has no Host; with Store:Provider 'postgres' it must be a PostgreSQL connection string such as 'Host=127.0.0.1;Username=bot;Database=bot'.")
                    : ValidateOptionsResult.Success;
            }
            catch (ArgumentException e)
            {
                return ValidateOptionsResult.Fail($"Store:ConnectionString is not a PostgreSQL connection string: {e.Message}");
            }
        }

        return ValidateOptionsResult.Fail($"Store:Provider is '{options.Provider}'; it must be 'sqlite' or 'postgres'.");
    }
}
