namespace Bot.Core.Subscriptions;

/// <summary>An email list people can subscribe to: a configured email destination.</summary>
/// <param name="Name">The destination name, as in <c>Email:Destinations:N:Name</c>.</param>
/// <param name="Language">The language its pages and confirmation mail speak (<c>ar</c>, <c>en</c>, …).</param>
public sealed record SubscriptionList(string Name, string Language)
{
    public bool IsRightToLeft => Language.Split('-')[0].ToLowerInvariant() is "ar" or "fa" or "he" or "ur" or "ps" or "ckb" or "yi";
}
