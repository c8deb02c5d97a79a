using System.Buffers.Text;
using Bot.Core.Subscriptions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.Core.Tests.Subscriptions;

public sealed class SubscriptionTokenSignerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Start);
    private readonly SubscriptionTokenKey key = SubscriptionTokenKey.Parse("a test key that is long enough for HMAC-SHA256");

    private SubscriptionTokenSigner Signer(SubscriptionTokenKey? other = null) => new(other ?? key, clock);

    [Fact]
    public void Verify_FreshConfirmToken_ReturnsItsFields()
    {
        var token = Signer().Issue(SubscriptionTokenPurpose.Confirm, "أخبار", "Reader@Example.ORG");

        var check = Signer().Verify(token, SubscriptionTokenPurpose.Confirm);

        Assert.True(check.IsValid);
        Assert.Equal(new SubscriptionToken(SubscriptionTokenPurpose.Confirm, "أخبار", "reader@example.org", Start, Start.AddHours(48)), check.Token);
    }

    [Fact]
    public void Issue_Token_IsUrlSafe()
    {
        var token = Signer().Issue(SubscriptionTokenPurpose.Unsubscribe, "news list/ar", "a+b@example.org");

        Assert.Matches("^[A-Za-z0-9_-]+$", token);
    }

    [Fact]
    public void Verify_ConfirmTokenJustBeforeAndAt48Hours_IsValidThenExpired()
    {
        var token = Signer().Issue(SubscriptionTokenPurpose.Confirm, "news", "a@example.org");

        clock.Advance(TimeSpan.FromHours(48) - TimeSpan.FromSeconds(1));
        var before = Signer().Verify(token, SubscriptionTokenPurpose.Confirm);
        clock.Advance(TimeSpan.FromSeconds(1));
        var at = Signer().Verify(token, SubscriptionTokenPurpose.Confirm);

        Assert.Equal(SubscriptionTokenStatus.Valid, before.Status);
        Assert.Equal(SubscriptionTokenStatus.Expired, at.Status);
        Assert.False(at.IsValid);
        Assert.Equal("news", at.Token?.List);
    }

    [Fact]
    public void Verify_UnsubscribeTokenAfter179Days_IsValidAndAfter180Expired()
    {
        var token = Signer().Issue(SubscriptionTokenPurpose.Unsubscribe, "news", "a@example.org");

        clock.Advance(TimeSpan.FromDays(179));
        var late = Signer().Verify(token, SubscriptionTokenPurpose.Unsubscribe);
        clock.Advance(TimeSpan.FromDays(1));
        var expired = Signer().Verify(token, SubscriptionTokenPurpose.Unsubscribe);

        Assert.True(late.IsValid);
        Assert.Equal(SubscriptionTokenStatus.Expired, expired.Status);
    }

    [Fact]
    public void Verify_ConfirmTokenUsedToUnsubscribe_IsWrongPurpose()
    {
        var token = Signer().Issue(SubscriptionTokenPurpose.Confirm, "news", "a@example.org");

        var check = Signer().Verify(token, SubscriptionTokenPurpose.Unsubscribe);

        Assert.Equal(SubscriptionTokenStatus.WrongPurpose, check.Status);
    }

    [Fact]
    public void Verify_UnsubscribeTokenUsedToConfirm_IsWrongPurpose()
    {
        var token = Signer().Issue(SubscriptionTokenPurpose.Unsubscribe, "news", "a@example.org");

        var check = Signer().Verify(token, SubscriptionTokenPurpose.Confirm);

        Assert.Equal(SubscriptionTokenStatus.WrongPurpose, check.Status);
    }

    [Theory]
    [InlineData("news", "b@example.org")]
    [InlineData("sport", "a@example.org")]
    public void Verify_TokenForAnotherAddressOrList_IsWrongSubscriber(string list, string email)
    {
        var token = Signer().Issue(SubscriptionTokenPurpose.Unsubscribe, "news", "a@example.org");

        var check = Signer().Verify(token, SubscriptionTokenPurpose.Unsubscribe, list, email);

        Assert.Equal(SubscriptionTokenStatus.WrongSubscriber, check.Status);
    }

    [Fact]
    public void Verify_SameSubscriberDifferentCase_IsValid()
    {
        var token = Signer().Issue(SubscriptionTokenPurpose.Unsubscribe, "news", "a@example.org");

        var check = Signer().Verify(token, SubscriptionTokenPurpose.Unsubscribe, "News", " A@Example.org ");

        Assert.True(check.IsValid);
    }

    [Fact]
    public void Verify_TokenSignedWithAnotherKey_IsForged()
    {
        var token = Signer(SubscriptionTokenKey.Generate()).Issue(SubscriptionTokenPurpose.Unsubscribe, "news", "a@example.org");

        var check = Signer().Verify(token, SubscriptionTokenPurpose.Unsubscribe);

        Assert.Equal(SubscriptionTokenStatus.Forged, check.Status);
    }

    [Fact]
    public void Verify_EveryFlippedBit_IsRefused()
    {
        var bytes = Base64Url.DecodeFromChars(Signer().Issue(SubscriptionTokenPurpose.Unsubscribe, "news", "a@example.org"));

        for (var i = 0; i < bytes.Length * 8; i++)
        {
            var altered = (byte[])bytes.Clone();
            altered[i / 8] ^= (byte)(1 << (i % 8));

            var check = Signer().Verify(Base64Url.EncodeToString(altered), SubscriptionTokenPurpose.Unsubscribe);

            Assert.Equal(SubscriptionTokenStatus.Forged, check.Status);
        }
    }

    [Fact]
    public void Verify_ExpiryMovedForwardWithoutTheKey_IsForged()
    {
        var bytes = Base64Url.DecodeFromChars(Signer().Issue(SubscriptionTokenPurpose.Confirm, "news", "a@example.org"));
        bytes[10] = 0x7f;

        var check = Signer().Verify(Base64Url.EncodeToString(bytes), SubscriptionTokenPurpose.Confirm);

        Assert.Equal(SubscriptionTokenStatus.Forged, check.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a token!")]
    [InlineData("AAAA")]
    [InlineData("a@example.org")]
    public void Verify_Garbage_IsMalformed(string? token)
    {
        var check = Signer().Verify(token, SubscriptionTokenPurpose.Unsubscribe);

        Assert.Equal(SubscriptionTokenStatus.Malformed, check.Status);
    }

    [Fact]
    public void Verify_SignedPayloadWithBadLengths_IsMalformedNotTrusted()
    {
        var signer = Signer();
        var bytes = Base64Url.DecodeFromChars(signer.Issue(SubscriptionTokenPurpose.Unsubscribe, "news", "a@example.org"));
        var payload = bytes[..^32];
        payload[19] = 200;
        var mac = System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes("a test key that is long enough for HMAC-SHA256"), payload);

        var check = signer.Verify(Base64Url.EncodeToString([.. payload, .. mac]), SubscriptionTokenPurpose.Unsubscribe);

        Assert.Equal(SubscriptionTokenStatus.Malformed, check.Status);
    }
}
