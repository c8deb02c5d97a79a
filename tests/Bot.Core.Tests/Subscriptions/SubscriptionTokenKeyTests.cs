using Bot.Core.Subscriptions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.Core.Tests.Subscriptions;

public sealed class SubscriptionTokenKeyTests
{
    [Fact]
    public void Parse_Base64Of32Bytes_UsesTheDecodedBytes()
    {
        var bytes = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

        var key = SubscriptionTokenKey.Parse(Convert.ToBase64String(bytes));

        Assert.Equal(Convert.ToBase64String(bytes), key.ToBase64());
    }

    [Fact]
    public void Parse_LongText_UsesItsUtf8Bytes()
    {
        var key = SubscriptionTokenKey.Parse("correct horse battery staple, and then some more");

        Assert.Equal(Convert.ToBase64String("correct horse battery staple, and then some more"u8.ToArray()), key.ToBase64());
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==")]
    public void Parse_TooShort_NamesTheSettingButNotTheValue(string configured)
    {
        var error = Assert.Throws<ArgumentException>(() => SubscriptionTokenKey.Parse(configured));

        Assert.Contains("Email:TokenKey", error.Message);
        if (configured.Length > 0)
        {
            Assert.DoesNotContain(configured, error.Message);
        }
    }

    [Fact]
    public void ToString_DoesNotRevealTheKey()
    {
        var key = SubscriptionTokenKey.Generate();

        Assert.DoesNotContain(key.ToBase64(), key.ToString());
    }

    [Fact]
    public void Generate_RoundTripsThroughBase64()
    {
        var generated = SubscriptionTokenKey.Generate();
        var clock = new FakeTimeProvider();
        var token = new SubscriptionTokenSigner(generated, clock).Issue(SubscriptionTokenPurpose.Unsubscribe, "news", "a@example.org");

        var check = new SubscriptionTokenSigner(SubscriptionTokenKey.Parse(generated.ToBase64()), clock).Verify(token, SubscriptionTokenPurpose.Unsubscribe);

        Assert.True(check.IsValid);
    }
}
