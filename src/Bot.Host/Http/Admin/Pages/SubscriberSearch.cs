using Bot.Core.Subscriptions;
using Microsoft.AspNetCore.Http;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>A subscriber search from the query string: part of the address, a list, a state; each optional.</summary>
public sealed record SubscriberSearch(string Text, string? List, SubscriberStatus? State)
{
    /// <summary>Rows the page shows; the CSV export has every match.</summary>
    public const int Shown = 200;

    public static SubscriberSearch From(IQueryCollection query)
    {
        var list = query["list"].ToString().Trim();
        SubscriberStatus? state = Enum.TryParse<SubscriberStatus>(query["state"].ToString(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        return new SubscriberSearch(query["q"].ToString().Trim(), list.Length > 0 ? list : null, state);
    }

    public bool Matches(Subscriber subscriber) =>
        (State is null || subscriber.Status == State) && (Text.Length == 0 || subscriber.Email.Contains(Text, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every match, read from the store as a stream: a list of a million is never held in memory.</summary>
    public async IAsyncEnumerable<Subscriber> RunAsync(ISubscriberStore store, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var subscriber in store.ListAsync(List, cancellationToken))
        {
            if (Matches(subscriber)) yield return subscriber;
        }
    }

    public string QueryString() =>
        Microsoft.AspNetCore.Http.QueryString.Create(new KeyValuePair<string, string?>[]
        {
            new("q", Text), new("list", List ?? ""), new("state", State?.ToString().ToLowerInvariant() ?? ""),
        }).Value ?? "";
}
