using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Bot.Channels.Email;
using MimeKit.Utils;
using Xunit;

namespace Bot.IntegrationTests.Email;

public sealed class MessageIdsTests
{
    [Theory]
    [InlineData("qudspress.example")]
    [InlineData("قدس.example")]
    public void Next_AnyDomain_MimeKitsFormAndDomain(string domain)
    {
        var mimeKit = MimeUtils.GenerateMessageId(domain);
        var id = new MessageIds(domain).Next();

        var form = new Regex(@"\A[0-9A-Z]+\.[0-9A-Z]+(@.+)\z");
        Assert.Matches(form, mimeKit);
        Assert.Matches(form, id);
        Assert.Equal(form.Match(mimeKit).Groups[1].Value, form.Match(id).Groups[1].Value);
        Assert.DoesNotContain("قدس", id);
    }

    [Fact]
    public void Next_ManyThreadsPastSeveralBlocks_EveryIdDifferent()
    {
        var ids = new MessageIds("qudspress.example");
        var seen = new ConcurrentDictionary<string, byte>();
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                Assert.True(seen.TryAdd(ids.Next(), 0));
            }
        });
        Assert.Equal(20_000, seen.Count);

        // The random half differs even within one clock tick.
        var randomHalves = seen.Keys.Select(id => id.Split('.', '@')[1]).ToHashSet();
        Assert.Equal(20_000, randomHalves.Count);
    }
}
