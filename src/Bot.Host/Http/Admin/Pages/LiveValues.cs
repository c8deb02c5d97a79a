using System.Security.Cryptography;
using System.Text;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>What a live page's script receives: the text of each live cell by id, and a digest of the rows shown.</summary>
public sealed record LiveValues(string Shape, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>A short digest of the row identities a page was drawn with.</summary>
    public static string ShapeOf(IEnumerable<string> rows) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))))[..16];
}
