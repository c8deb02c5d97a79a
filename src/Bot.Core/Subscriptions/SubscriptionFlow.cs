namespace Bot.Core.Subscriptions;

/// <summary>
/// Double opt-in and unsubscribe: the logic behind <c>POST /subscribe</c>, <c>/confirm</c> and <c>/unsubscribe</c>.
/// Every request gets the same answer whether or not the address is known, so the form cannot be used to find
/// out who reads the news.
/// </summary>
public sealed class SubscriptionFlow(
    ISubscriberStore store,
    SubscriptionTokenSigner tokens,
    SubscriptionLinks links,
    IReadOnlyList<SubscriptionList> lists,
    TimeProvider timeProvider)
{
    /// <summary>
    /// A pending address gets at most one confirmation mail in this time, however often the form is posted:
    /// the form must not become a way to flood someone else's inbox.
    /// </summary>
    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(10);

    private const int MaxNameLength = 100;

    public IReadOnlyList<SubscriptionList> Lists => lists;

    /// <summary>The named list, or the only one when no name is given.</summary>
    public SubscriptionList? FindList(string? name) => string.IsNullOrWhiteSpace(name)
        ? lists.Count == 1 ? lists[0] : null
        : lists.FirstOrDefault(l => string.Equals(l.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Records the request and says which mail answers it: a confirmation link for an address not yet on the list,
    /// a note with the unsubscribe link for one that is. Both take one store write and one mail, so neither the
    /// answer nor the work behind it tells a known address from an unknown one.
    /// </summary>
    public async Task<SubscriptionResult> RequestAsync(string? listName, string? email, string? name, CancellationToken cancellationToken)
    {
        var list = FindList(listName);
        if (list is null || !SubscriberAddress.IsValid(email?.Trim()))
        {
            return new SubscriptionResult(SubscriptionOutcome.InvalidRequest, list);
        }

        var address = SubscriberAddress.Normalize(email!);
        var recorded = await store.RequestAsync(list.Name, address, CleanName(name), timeProvider.GetUtcNow() - ResendInterval, cancellationToken).ConfigureAwait(false);
        var requested = new SubscriptionResult(SubscriptionOutcome.Requested, list, address);
        if (!recorded.MailDue)
        {
            return requested;
        }

        // The confirm token is issued after the request is stored: its issue time bounds the request cycle it confirms.
        var confirmation = recorded.Status == SubscriberStatus.Active
            ? new ConfirmationRequest(list, address, recorded.Name, links.UnsubscribeUrl(list.Name, address), ConfirmationKind.AlreadySubscribed)
            : new ConfirmationRequest(list, address, recorded.Name, links.ConfirmUrl(list.Name, address));
        return requested with { Confirmation = confirmation };
    }

    /// <summary>Reads a confirm link without acting on it: for the page a GET shows (link scanners prefetch GETs).</summary>
    public SubscriptionResult CheckConfirm(string? token) => Check(token, SubscriptionTokenPurpose.Confirm);

    public async Task<SubscriptionResult> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        var check = tokens.Verify(token, SubscriptionTokenPurpose.Confirm);
        if (check is not { IsValid: true, Token: { } valid })
        {
            return Refused(check);
        }

        var list = FindList(valid.List);
        if (list is null)
        {
            return new SubscriptionResult(SubscriptionOutcome.InvalidLink, null);
        }

        var existing = await store.GetAsync(list.Name, valid.Email, cancellationToken).ConfigureAwait(false);
        switch (existing?.Status)
        {
            case SubscriberStatus.Active:
                return new SubscriptionResult(SubscriptionOutcome.AlreadyConfirmed, list, valid.Email);
            case SubscriberStatus.Pending:
                // Token times have whole-second precision and are issued just after the request is stored.
                var change = await store.ConfirmAsync(list.Name, valid.Email, valid.IssuedAt.AddSeconds(1), cancellationToken).ConfigureAwait(false);
                return new SubscriptionResult(change == SubscriberChange.NotFound ? SubscriptionOutcome.StaleLink : SubscriptionOutcome.Confirmed, list, valid.Email);
            default:
                return new SubscriptionResult(SubscriptionOutcome.StaleLink, list, valid.Email);
        }
    }

    /// <summary>Reads an unsubscribe link without acting on it: for the page a GET shows (link scanners prefetch GETs).</summary>
    public SubscriptionResult CheckUnsubscribe(string? token) => Check(token, SubscriptionTokenPurpose.Unsubscribe);

    /// <summary>Unsubscribes at once. Idempotent: a second use, or an address no longer on the list, is still success.</summary>
    public async Task<SubscriptionResult> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        var check = tokens.Verify(token, SubscriptionTokenPurpose.Unsubscribe);
        if (check is not { IsValid: true, Token: { } valid })
        {
            return Refused(check);
        }

        await store.UnsubscribeAsync(valid.List, valid.Email, cancellationToken).ConfigureAwait(false);
        return new SubscriptionResult(SubscriptionOutcome.Unsubscribed, FindList(valid.List), valid.Email);
    }

    private SubscriptionResult Check(string? token, SubscriptionTokenPurpose purpose)
    {
        var check = tokens.Verify(token, purpose);
        return check is { IsValid: true, Token: { } valid } && FindList(valid.List) is { } list
            ? new SubscriptionResult(SubscriptionOutcome.ValidLink, list, valid.Email)
            : Refused(check);
    }

    /// <summary>A refused link; a signed one still names its list, so the answer can speak that list's language.</summary>
    private SubscriptionResult Refused(SubscriptionTokenCheck check) => new(
        check.Status == SubscriptionTokenStatus.Expired ? SubscriptionOutcome.ExpiredLink : SubscriptionOutcome.InvalidLink,
        check.Token is { } signed ? FindList(signed.List) : null);

    private static string? CleanName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var clean = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length == 0 ? null : clean.Length <= MaxNameLength ? clean : clean[..MaxNameLength];
    }
}
