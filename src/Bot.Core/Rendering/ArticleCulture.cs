using System.Collections.Concurrent;
using System.Globalization;

namespace Bot.Core.Rendering;

/// <summary>The culture dates and numbers are written in for an article's language.</summary>
/// <remarks>
/// Always the Gregorian calendar: several Arabic cultures (ar-SA) default to Umm al-Qura, which would date a
/// December 2023 article in Jumada al-Akhirah 1445. Digits stay Western (0-9): .NET formats with them whatever the
/// culture, and so does the news desk (the reference article writes "2023" and "20 و23"), so a date in the
/// announcement reads like the body under it, and stays searchable on every platform.
/// </remarks>
public static class ArticleCulture
{
    private static readonly ConcurrentDictionary<string, CultureInfo> Cache = new(StringComparer.OrdinalIgnoreCase);

    public static CultureInfo For(string? language) =>
        Cache.GetOrAdd(string.IsNullOrWhiteSpace(language) ? "" : language.Trim(), Create);

    private static CultureInfo Create(string language)
    {
        CultureInfo culture;
        try
        {
            culture = (CultureInfo)CultureInfo.GetCultureInfo(language).Clone();
        }
        catch (CultureNotFoundException)
        {
            culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        }

        if (culture.Calendar is not GregorianCalendar
            && culture.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault() is { } gregorian)
        {
            culture.DateTimeFormat.Calendar = gregorian;
        }

        return CultureInfo.ReadOnly(culture);
    }
}
