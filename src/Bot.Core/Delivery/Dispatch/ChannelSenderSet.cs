using Bot.Core.Channels;

namespace Bot.Core.Delivery.Dispatch;

/// <summary>The sender for each channel, and which channels run dry.</summary>
public sealed class ChannelSenderSet(IEnumerable<IChannelSender> senders, IReadOnlySet<string> dryChannels)
{
    private readonly Dictionary<string, IChannelSender> _byChannel =
        senders.ToDictionary(s => s.Channel, StringComparer.OrdinalIgnoreCase);

    public IReadOnlySet<string> DryChannels => dryChannels;

    public IChannelSender? Find(string channel) => _byChannel.GetValueOrDefault(channel);
}
