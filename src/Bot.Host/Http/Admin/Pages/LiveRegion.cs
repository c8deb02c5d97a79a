namespace Bot.Host.Http.Admin.Pages;

/// <summary>
/// A page that keeps itself current: its script fetches <see cref="Url"/> (JSON <see cref="LiveValues"/>) every
/// <see cref="PollMilliseconds"/> while the tab is visible and writes each value into the element marked with its id.
/// When the JSON's shape differs from <see cref="Shape"/> (rows came or went) it offers a reload.
/// </summary>
public sealed record LiveRegion(string Url, string Shape)
{
    public const int PollMilliseconds = 4000;
}
