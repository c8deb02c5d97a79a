using Bot.Core.Channels;
using Bot.Core.ChatSubscriptions;
using Bot.Core.Delivery;
using Bot.Core.Delivery.Configuration;
using Microsoft.Extensions.Configuration;

namespace Bot.Host.Delivery;

/// <summary>The destinations <c>bot run</c> delivers to, read once from configuration.</summary>
public static class DeliveryConfiguration
{
    /// <summary>
    /// The configured destinations, plus one implicit destination named after each dry channel that has none, so
    /// that a fresh clone's <c>bot run</c> shows in <c>data/outbox/</c> what every channel would have sent, and
    /// <see cref="TelegramSubscriberDestination"/> for the readers who subscribed in a private chat (dry with the channel).
    /// Throws with every problem, each naming its key.
    /// </summary>
    public static IReadOnlyList<Destination> ReadDestinations(IConfiguration configuration, IReadOnlySet<string> dryChannels)
    {
        var settings = DestinationSettingsReader.Read(configuration.AsEnumerable());
        if (!settings.IsValid)
        {
            throw new InvalidOperationException("configuration: " + string.Join("; ", settings.Problems));
        }

        var destinations = settings.Destinations.ToList();
        foreach (var channel in ChannelNames.All)
        {
            if (!dryChannels.Contains(channel) || destinations.Any(d => d.Channel == channel)) continue;
            if (destinations.Any(d => d.Name.Equals(channel, StringComparison.OrdinalIgnoreCase))) continue;
            // A dry email destination needs a mailbox to write a message for; the reserved .invalid domain can never receive one.
            var address = channel == ChannelNames.Email ? "reader@example.invalid" : "dry-run";
            destinations.Add(new Destination(channel, channel, address, null, DestinationFilter.Everything));
        }

        // The reader refuses the reserved name, so no configured destination can take it.
        destinations.Add(TelegramSubscriberDestination.Create());
        return destinations;
    }
}
