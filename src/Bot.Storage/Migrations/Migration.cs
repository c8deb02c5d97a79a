using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Storage.Migrations;

/// <summary>One versioned schema script, e.g. <c>Migrations/Sqlite/0001_init.sql</c>.</summary>
public sealed record Migration(long Version, string Name, string Sql)
{
    /// <summary>SHA-256 of the script with line endings normalised, so a checkout with CRLF still matches.</summary>
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>The scripts embedded for <paramref name="dialect"/>, in version order.</summary>
    public static IReadOnlyList<Migration> LoadEmbedded(SqlDialect dialect)
    {
        var assembly = typeof(Migration).Assembly;
        var prefix = $"{typeof(Migration).Namespace}.{dialect.MigrationsFolder}.";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal)) continue;

            var fileName = resource[prefix.Length..^".sql".Length];
            var separator = fileName.IndexOf('_');
            if (separator <= 0 || !long.TryParse(fileName[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migration '{resource}' must be named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            migrations.Add(new Migration(version, fileName[(separator + 1)..], reader.ReadToEnd()));
        }

        if (migrations.Count == 0) throw new InvalidOperationException($"No migrations are embedded under '{prefix}'.");
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"Two migrations share version {duplicate.Key}.");
        return [.. migrations.OrderBy(m => m.Version)];
    }
}
