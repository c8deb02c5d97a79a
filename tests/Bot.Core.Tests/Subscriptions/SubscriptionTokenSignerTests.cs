using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Bot.Core.Subscriptions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bot.Core.Tests.Subscriptions;

public sealed class SubscriptionTokenSignerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Start);
    private const string KeyText = "a test key that is long enough for HMAC-SHA256";
    private readonly SubscriptionTokenKey key = SubscriptionTokenKey.Parse(KeyText);

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

            // The version byte decides how the rest is read; any other bit breaks the authentication.
            Assert.Equal(i < 8 ? SubscriptionTokenStatus.Malformed : SubscriptionTokenStatus.Forged, check.Status);
        }
    }

    [Fact]
    public void Issue_Token_ShowsNeitherAddressNorListNorItsExactLength()
    {
        var signer = Signer();

        var first = Base64Url.DecodeFromChars(signer.Issue(SubscriptionTokenPurpose.Unsubscribe, "newsletter", "reader@example.org"));
        var second = Base64Url.DecodeFromChars(signer.Issue(SubscriptionTokenPurpose.Unsubscribe, "newsletter", "reader@example.org"));
        var longer = Base64Url.DecodeFromChars(signer.Issue(SubscriptionTokenPurpose.Unsubscribe, "newsletter", "reader2@example.org"));

        foreach (var clear in new[] { "reader@example.org", "example.org", "newsletter" })
        {
            Assert.Equal(-1, first.AsSpan().IndexOf(Encoding.UTF8.GetBytes(clear)));
        }

        Assert.NotEqual(first, second);
        Assert.Equal(first.Length, longer.Length);
    }

    [Fact]
    public void Issue_Token_NamesTheCurrentKeyById()
    {
        var bytes = Base64Url.DecodeFromChars(Signer().Issue(SubscriptionTokenPurpose.Confirm, "news", "a@example.org"));

        Assert.Equal(2, bytes[0]);
        Assert.Equal(key.Id, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)));
        Assert.NotEqual(key.Id, SubscriptionTokenKey.Generate().Id);
    }

    [Fact]
    public void Verify_AfterRotation_OldLinksStillWorkAndNewOnesUseTheNewKey()
    {
        var next = SubscriptionTokenKey.Generate();
        var old = Signer().Issue(SubscriptionTokenPurpose.Unsubscribe, "news", "a@example.org");
        var rotated = new SubscriptionTokenSigner(new SubscriptionTokenKeys(next, [key]), clock);

        var fresh = rotated.Issue(SubscriptionTokenPurpose.Unsubscribe, "news", "b@example.org");

        Assert.True(rotated.Verify(old, SubscriptionTokenPurpose.Unsubscribe).IsValid);
        Assert.True(rotated.Verify(fresh, SubscriptionTokenPurpose.Unsubscribe).IsValid);
        Assert.Equal(SubscriptionTokenStatus.Forged, Signer().Verify(fresh, SubscriptionTokenPurpose.Unsubscribe).Status);
        Assert.Equal(SubscriptionTokenStatus.Forged, new SubscriptionTokenSigner(next, clock).Verify(old, SubscriptionTokenPurpose.Unsubscribe).Status);
    }

    [Fact]
    public void Verify_Version1TokenAlreadyInAMailbox_StillValidAlsoAfterRotation()
    {
        var legacy = LegacyToken(SubscriptionTokenPurpose.Unsubscribe, "أخبار", "a@example.org");
        var rotated = new SubscriptionTokenSigner(new SubscriptionTokenKeys(SubscriptionTokenKey.Generate(), [key]), clock);

        var check = rotated.Verify(legacy, SubscriptionTokenPurpose.Unsubscribe);

        Assert.Equal(new SubscriptionToken(SubscriptionTokenPurpose.Unsubscribe, "أخبار", "a@example.org", Start, Start.AddDays(180)), check.Token);
        Assert.True(check.IsValid);
        Assert.Equal(SubscriptionTokenStatus.Forged, new SubscriptionTokenSigner(SubscriptionTokenKey.Generate(), clock).Verify(legacy, SubscriptionTokenPurpose.Unsubscribe).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a token!")]
    [InlineData("AAAA")]
    [InlineData("AgAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("a@example.org")]
    public void Verify_Garbage_IsMalformed(string? token)
    {
        var check = Signer().Verify(token, SubscriptionTokenPurpose.Unsubscribe);

        Assert.Equal(SubscriptionTokenStatus.Malformed, check.Status);
    }

    [Fact]
    public void Verify_Version1SignedWithBadLengths_IsMalformedNotTrusted()
    {
        var bytes = Base64Url.DecodeFromChars(LegacyToken(SubscriptionTokenPurpose.Unsubscribe, "news", "a@example.org"));
        var payload = bytes[..^32];
        payload[19] = 200;
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(KeyText), payload);

        var check = Signer().Verify(Base64Url.EncodeToString([.. payload, .. mac]), SubscriptionTokenPurpose.Unsubscribe);

        Assert.Equal(SubscriptionTokenStatus.Malformed, check.Status);
    }

    /// <summary>A token as version 1 issued them: the fields in clear, then HMAC-SHA256 with the key's bytes.</summary>
    private string LegacyToken(SubscriptionTokenPurpose purpose, string list, string email)
    {
        var listBytes = Encoding.UTF8.GetBytes(list);
        var emailBytes = Encoding.UTF8.GetBytes(email);
        var payload = new byte[22 + listBytes.Length + emailBytes.Length];
        payload[0] = 1;
        payload[1] = (byte)purpose;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(2), Start.ToUnixTimeSeconds());
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(10), Start.AddDays(purpose == SubscriptionTokenPurpose.Confirm ? 2 : 180).ToUnixTimeSeconds());
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(18), (ushort)listBytes.Length);
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(20), (ushort)emailBytes.Length);
        listBytes.CopyTo(payload, 22);
        emailBytes.CopyTo(payload, 22 + listBytes.Length);
        return Base64Url.EncodeToString([.. payload, .. HMACSHA256.HashData(Encoding.UTF8.GetBytes(KeyText), payload)]);
    }
}
