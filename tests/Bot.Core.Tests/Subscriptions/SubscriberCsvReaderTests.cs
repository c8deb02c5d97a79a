using Bot.Core.Subscriptions;
using Xunit;

namespace Bot.Core.Tests.Subscriptions;

public sealed class SubscriberCsvReaderTests
{
    private static readonly string[] Lists = ["news", "sport"];

    private static Task<SubscriberCsv> ReadAsync(string csv, string? defaultList = "news") =>
        SubscriberCsvReader.ReadAsync(() => new StringReader(csv), Lists, defaultList, null, CancellationToken.None);

    private static async Task<List<SubscriberImportRow>> RowsAsync(SubscriberCsv csv) =>
        await csv.RowsAsync(CancellationToken.None).ToListAsync();

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
            await RowsAsync(csv));
        Assert.Empty(csv.Issues);
        Assert.Equal(3, csv.DataLines);
        Assert.Equal(3, csv.RowCount);
    }

    [Fact]
    public async Task ReadAsync_ColumnsInAnyOrderAndOnlyEmail_Works()
    {
        var reordered = await ReadAsync("List,Email\nsport,a@example.org\n");
        var emailOnly = await ReadAsync("email\na@example.org\n");

        Assert.Equal([new SubscriberImportRow(2, "sport", "a@example.org", null)], await RowsAsync(reordered));
        Assert.Equal([new SubscriberImportRow(2, "news", "a@example.org", null)], await RowsAsync(emailOnly));
    }

    [Fact]
    public async Task ReadAsync_InvalidAddressesAndUnknownLists_ReportedWithLineNumbers()
    {
        var csv = await ReadAsync("email,name,list\na@example.org,,\nnot-an-address,x,\n\nb@example.org,,politics\n\"broken,\n");

        Assert.Single(await RowsAsync(csv));
        Assert.Equal(
            [
                new SubscriberCsvIssue(3, "invalid address 'not-an-address'"),
                new SubscriberCsvIssue(5, "unknown list 'politics'"),
                new SubscriberCsvIssue(6, "unbalanced quotes"),
            ],
            csv.Issues);
        Assert.Equal(3, csv.DataLines);
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
            await RowsAsync(csv));
        Assert.Equal(2, csv.Duplicates);
        Assert.Equal(2, csv.RowCount);
    }

    [Fact]
    public async Task ReadAsync_SeveralLaterNames_TheLastOneWinsAndTheRowKeepsItsPlace()
    {
        var csv = await ReadAsync("email,name,list\na@example.org,,news\nb@example.org,Badr,news\na@example.org,First,news\na@example.org,,news\nA@EXAMPLE.ORG,Last,NEWS\n");

        Assert.Equal(
            [
                new SubscriberImportRow(2, "news", "a@example.org", "Last"),
                new SubscriberImportRow(3, "news", "b@example.org", "Badr"),
            ],
            await RowsAsync(csv));
        Assert.Equal(3, csv.Duplicates);
    }

    [Fact]
    public async Task ReadAsync_KeepsNoRows_TheyAreReadFromTheFileAgainEachTime()
    {
        var opened = 0;
        var csv = await SubscriberCsvReader.ReadAsync(
            () =>
            {
                opened++;
                return new StringReader("email,name,list\na@example.org,,news\na@example.org,Ahmad,news\n");
            },
            Lists,
            "news",
            null,
            CancellationToken.None);
        Assert.Equal(1, opened);

        var first = await RowsAsync(csv);
        var second = await RowsAsync(csv);

        Assert.Equal(3, opened);
        Assert.Equal([new SubscriberImportRow(2, "news", "a@example.org", "Ahmad")], first);
        Assert.Equal(first, second);
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
    [InlineData("\"email,name\na@example.org,x\n")]
    public async Task ReadAsync_NoHeader_OneIssueNoRows(string text)
    {
        var csv = await ReadAsync(text);

        Assert.Empty(await RowsAsync(csv));
        Assert.Equal(0, csv.RowCount);
        Assert.Single(csv.Issues);
    }

    [Fact]
    public async Task ReadAsync_HundredThousandRows_ReportsProgressForEveryLine()
    {
        var text = "email,name,list\n" + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"r{i}@example.org,Reader {i},\n"));
        var lastLine = 0;

        var csv = await SubscriberCsvReader.ReadAsync(() => new StringReader(text), Lists, "news", line => lastLine = line, CancellationToken.None);

        Assert.Equal(100_000, csv.RowCount);
        Assert.Equal(100_000, (await RowsAsync(csv)).Count);
        Assert.Equal(100_001, lastLine);
    }
}
