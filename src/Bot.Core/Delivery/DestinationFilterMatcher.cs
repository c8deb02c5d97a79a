using System.Text;
using System.Text.RegularExpressions;
using Bot.Core.Articles;

namespace Bot.Core.Delivery;

/// <summary>
/// A <see cref="DestinationFilter"/> made ready to test articles: tags and categories compared without regard to
/// case or Unicode normal form, languages by their primary subtag (<c>ar</c> matches <c>ar-EG</c>), the pattern
/// compiled once and run with a time limit.
/// </summary>
public sealed class DestinationFilterMatcher
{
    /// <summary>How long one pattern may run on one article before it counts as no match.</summary>
    public static readonly TimeSpan DefaultPatternTimeout = TimeSpan.FromMilliseconds(200);

    private readonly HashSet<string> _tags;
    private readonly HashSet<string> _categories;
    private readonly HashSet<string> _languages;
    private readonly Regex? _pattern;

    public DestinationFilterMatcher(DestinationFilter filter, TimeSpan? patternTimeout = null)
    {
        Filter = filter;
        _tags = new HashSet<string>(filter.Tags.Select(Normalize), StringComparer.OrdinalIgnoreCase);
        _categories = new HashSet<string>(filter.Categories.Select(Normalize), StringComparer.OrdinalIgnoreCase);
        _languages = new HashSet<string>(filter.Languages.Select(PrimaryLanguage), StringComparer.OrdinalIgnoreCase);
        _pattern = filter.Pattern is null
            ? null
            : new Regex(filter.Pattern, RegexOptions.CultureInvariant, patternTimeout ?? DefaultPatternTimeout);
    }

    public DestinationFilter Filter { get; }

    public bool Matches(Article article) => Match(article) == FilterResult.Match;

    public FilterResult Match(Article article)
    {
        if (_tags.Count > 0 && !article.Tags.Any(t => _tags.Contains(Normalize(t)))) return FilterResult.NoMatch;
        if (_categories.Count > 0 && (article.Category is null || !_categories.Contains(Normalize(article.Category)))) return FilterResult.NoMatch;
        if (_languages.Count > 0 && !_languages.Contains(PrimaryLanguage(article.Language))) return FilterResult.NoMatch;
        if (_pattern is null) return FilterResult.Match;

        try
        {
            return _pattern.IsMatch(article.Title) || _pattern.IsMatch(article.Body) ? FilterResult.Match : FilterResult.NoMatch;
        }
        catch (RegexMatchTimeoutException)
        {
            // A runaway pattern must not stall planning for every other destination; it counts as no match,
            // and the caller can tell the admins why.
            return FilterResult.PatternTimedOut;
        }
    }

    /// <summary>Checks that <paramref name="pattern"/> compiles as a .NET regular expression.</summary>
    public static bool TryValidatePattern(string pattern, out string? error)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, DefaultPatternTimeout);
            error = null;
            return true;
        }
        catch (ArgumentException e)
        {
            error = $"pattern is not a valid regular expression: {e.Message}";
            return false;
        }
    }

    /// <summary>The primary subtag of a BCP 47 tag, lower case: <c>ar-EG</c> → <c>ar</c>.</summary>
    public static string PrimaryLanguage(string tag)
    {
        var t = tag.Trim();
        var dash = t.IndexOfAny(['-', '_']);
        return (dash < 0 ? t : t[..dash]).ToLowerInvariant();
    }

    private static string Normalize(string value) => value.Trim().Normalize(NormalizationForm.FormC);
}
