using Bot.Core.Delivery;
using Xunit;

namespace Bot.Core.Tests.Delivery;

public sealed class DeliveryNamesTests
{
    [Fact]
    public void Names_RoundTrip_ForEveryKindAndStatus()
    {
        Assert.All(Enum.GetValues<DeliveryKind>(), k => Assert.Equal(k, DeliveryNames.ParseKind(DeliveryNames.Of(k))));
        Assert.All(Enum.GetValues<DeliveryStatus>(), s => Assert.Equal(s, DeliveryNames.ParseStatus(DeliveryNames.Of(s))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("later")]
    public void TryParseStatus_Nonsense_IsFalse(string text) => Assert.False(DeliveryNames.TryParseStatus(text, out _));
}
