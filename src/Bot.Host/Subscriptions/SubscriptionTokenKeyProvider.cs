using Bot.Core.Subscriptions;
using Bot.Storage.Subscribers;
using Microsoft.Extensions.Configuration;

namespace Bot.Host.Subscriptions;

/// <summary>
/// The keys of confirm and unsubscribe links. New links are signed with <c>Email:TokenKey</c> when it is set,
/// otherwise with one generated on first use and kept in the store's <c>bot_state</c>: a fresh clone serves
/// subscriptions with no set-up, the key survives restarts (so links in sent mail keep working), and every host on
/// one PostgreSQL database shares it. <c>Email:PreviousTokenKeys:N</c> and, once a key is configured, the generated
/// one still stored, only verify: the links already in mailboxes keep working across a rotation.
/// </summary>
public sealed class SubscriptionTokenKeyProvider(IConfiguration configuration, SubscriptionTokenKeyStore store)
{
    public const string SettingName = SubscriptionTokenKeyRules.CurrentKey;

    private readonly SemaphoreSlim gate = new(1, 1);
    private SubscriptionTokenKeys? keys;

    public async ValueTask<SubscriptionTokenKeys> GetAsync(CancellationToken cancellationToken)
    {
        if (keys is { } known)
        {
            return known;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            keys ??= await LoadAsync(cancellationToken);
            return keys;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<SubscriptionTokenKeys> LoadAsync(CancellationToken cancellationToken)
    {
        var previous = SubscriptionTokenKeyRules.ReadPrevious(configuration);
        var configured = configuration[SettingName];
        if (string.IsNullOrWhiteSpace(configured))
        {
            var generated = await store.GetOrAddAsync(SubscriptionTokenKey.Generate().ToBase64(), cancellationToken);
            return new SubscriptionTokenKeys(SubscriptionTokenKey.Parse(generated, "bot_state"), previous);
        }

        // A bot that ran on a generated key before the operator set one has sent links signed with it.
        var stored = await store.FindAsync(cancellationToken);
        return new SubscriptionTokenKeys(
            SubscriptionTokenKey.Parse(configured, SettingName),
            stored is null ? previous : [.. previous, SubscriptionTokenKey.Parse(stored, "bot_state")]);
    }
}
