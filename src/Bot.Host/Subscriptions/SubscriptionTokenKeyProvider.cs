using Bot.Core.Subscriptions;
using Bot.Storage.Subscribers;
using Microsoft.Extensions.Configuration;

namespace Bot.Host.Subscriptions;

/// <summary>
/// The key that signs confirm and unsubscribe links. <c>Email:TokenKey</c> when set; otherwise one generated
/// on first use and kept in the store's <c>bot_state</c>. A generated key lets a fresh clone serve
/// subscriptions with no set-up, survives restarts (so links in sent mail keep working), and is shared by
/// every host on one PostgreSQL database. Set the key explicitly to keep it out of the database or to rotate it.
/// </summary>
public sealed class SubscriptionTokenKeyProvider(IConfiguration configuration, SubscriptionTokenKeyStore store)
{
    public const string SettingName = "Email:TokenKey";

    private readonly SemaphoreSlim gate = new(1, 1);
    private SubscriptionTokenKey? key;

    public async ValueTask<SubscriptionTokenKey> GetAsync(CancellationToken cancellationToken)
    {
        if (key is { } known)
        {
            return known;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (key is null)
            {
                var configured = configuration[SettingName];
                key = string.IsNullOrWhiteSpace(configured)
                    ? SubscriptionTokenKey.Parse(await store.GetOrAddAsync(SubscriptionTokenKey.Generate().ToBase64(), cancellationToken), "bot_state")
                    : SubscriptionTokenKey.Parse(configured, SettingName);
            }

            return key;
        }
        finally
        {
            gate.Release();
        }
    }
}
