using Bot.Core.Articles.Feeds;
using Xunit;

namespace Bot.Core.Tests.Articles.Feeds;

public sealed class FeedDateTests
{
    [Theory]
    [InlineData("Tue, 05 Dec 2023 14:30:00 +0300", "2023-12-05T11:30:00Z")]
    [InlineData("Tue, 05 Dec 2023 14:30:00 GMT", "2023-12-05T14:30:00Z")]
    [InlineData("5 Dec 2023 14:30 EST", "2023-12-05T19:30:00Z")]
    [InlineData("Tue, 05 Dec 23 14:30:00 -0000", "2023-12-05T14:30:00Z")]
    [InlineData("2023-12-05T14:30:00+03:00", "2023-12-05T11:30:00Z")]
    [InlineData("2023-12-05", "2023-12-05T00:00:00Z")]
    public void TryParse_FeedDates_AreReadInUtc(string raw, string expected)
    {
        Assert.True(FeedDate.TryParse(raw, out var value));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData("Tue, 45 Dec 2023 14:30:00 GMT")]
    public void TryParse_Unreadable_IsNoDate(string raw) =>
        Assert.False(FeedDate.TryParse(raw, out _));
}
