using Bot.Core.Subscriptions;
using Xunit;

namespace Bot.Core.Tests.Subscriptions;

public sealed class SubscriberAddressTests
{
    [Theory]
    [InlineData("reader@example.org")]
    [InlineData("first.last+news@mail.example.co.uk")]
    [InlineData("o'brien@example.ie")]
    [InlineData("a@xn--mgbh0fb.example")]
    [InlineData("user@مثال.com")]
    public void IsValid_RealAddresses_True(string email) => Assert.True(SubscriberAddress.IsValid(email));

    [Theory]
    [InlineData("")]
    [InlineData("plainaddress")]
    [InlineData("@example.org")]
    [InlineData("a@")]
    [InlineData("a@b@example.org")]
    [InlineData("a..b@example.org")]
    [InlineData(".a@example.org")]
    [InlineData("a@localhost")]
    [InlineData("a@example..org")]
    [InlineData("a@-example.org")]
    [InlineData("a@192.168.0.1")]
    [InlineData("a b@example.org")]
    [InlineData("قارئ@example.org")]
    [InlineData("Reader <reader@example.org>")]
    public void IsValid_Garbage_False(string email) => Assert.False(SubscriberAddress.IsValid(email));

    [Fact]
    public void Normalize_TrimsAndLowerCases() => Assert.Equal("reader@example.org", SubscriberAddress.Normalize("  Reader@EXAMPLE.org "));
}
