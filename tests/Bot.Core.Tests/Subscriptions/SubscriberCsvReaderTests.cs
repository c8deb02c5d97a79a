using Bot.Core.Subscriptions;
using Xunit;

namespace Bot.Core.Tests.Subscriptions;

public sealed class SubscriberCsvReaderTests
{
    private static readonly string[] Lists = ["news", "sport"];

    private static Task<SubscriberCsv> ReadAsync(string csv, string? defaultList = "news") =>
        SubscriberCsvReader.ReadAsync(new StringReader(csv), Lists, defaultList, null, CancellationToken.None);

    [Fact]
    public async Task ReadAsync_HeaderAndRows_ReadsAllThreeColumns()
    {
        var csv = await ReadAsync("email,name,list\na@example.org,أحمد,sport\nB@Example.org,,\n\"c@example.org\",\"Doe, Jane \"\"JD\"\"\",news\n");

        Assert.Equal(
            [
                new SubscriberImportRow(2, "sport", "a@example.org", "أحمد"),
                new SubscriberImportRow(3, "news", "b@example.org", null),
                new SubscriberImportRow(4, "news", "c@example.org", "Doe, Jane \"JD\""),
            ],
            csv.Rows);
        Assert.Empty(csv.Issues);
        Assert.Equal(3, csv.DataLines);
    }

    [Fact]
    public async Task ReadAsync_ColumnsInAnyOrderAndOnlyEmail_Works()
    {
        var reordered = await ReadAsync("List,Email\nsport,a@example.org\n");
        var emailOnly = await ReadAsync("email\na@example.org\n");

        Assert.Equal([new SubscriberImportRow(2, "sport", "a@example.org", null)], reordered.Rows);
        Assert.Equal([new SubscriberImportRow(2, "news", "a@example.org", null)], emailOnly.Rows);
    }

    [Fact]
    public async Task ReadAsync_InvalidAddressesAndUnknownLists_ReportedWithLineNumbers()
    {
        var csv = await ReadAsync("email,name,list\na@example.org,,\nnot-an-address,x,\n\nb@example.org,,politics\n\"broken,\n");

        Assert.Single(csv.Rows);
        Assert.Equal(
            [
                new SubscriberCsvIssue(3, "invalid address 'not-an-address'"),
                new SubscriberCsvIssue(5, "unknown list 'politics'"),
                new SubscriberCsvIssue(6, "unbalanced quotes"),
            ],
            csv.Issues);
    }

    [Fact]
    public async Task ReadAsync_Duplicates_MergedKeepingTheFirstLineAndALaterName()
    {
        var csv = await ReadAsync("email,name,list\na@example.org,,news\nA@example.org,Ahmad,news\na@example.org,,sport\na@example.org,,news\n");

        Assert.Equal(
            [
                new SubscriberImportRow(2, "news", "a@example.org", "Ahmad"),
                new SubscriberImportRow(4, "sport", "a@example.org", null),
            ],
            csv.Rows);
        Assert.Equal(2, csv.Duplicates);
    }

    [Fact]
    public async Task ReadAsync_NoListAndNoDefault_IsAnIssue()
    {
        var csv = await ReadAsync("email\na@example.org\n", defaultList: null);

        Assert.Equal([new SubscriberCsvIssue(2, "no list given and there is no single default list")], csv.Issues);
    }

    [Theory]
    [InlineData("")]
    [InlineData("name,list\nx,news\n")]
    public async Task ReadAsync_NoHeader_OneIssueNoRows(string text)
    {
        var csv = await ReadAsync(text);

        Assert.Empty(csv.Rows);
        Assert.Single(csv.Issues);
    }

    [Fact]
    public async Task ReadAsync_HundredThousandRows_ReportsProgressForEveryLine()
    {
        var text = "email,name,list\n" + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"r{i}@example.org,Reader {i},\n"));
        var lastLine = 0;

        var csv = await SubscriberCsvReader.ReadAsync(new StringReader(text), Lists, "news", line => lastLine = line, CancellationToken.None);

        Assert.Equal(100_000, csv.Rows.Count);
        Assert.Equal(100_001, lastLine);
    }
}
