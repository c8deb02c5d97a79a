using System.Text.Json.Serialization;

namespace Bot.Core.Channels;

/// <summary>What a template produced for one delivery, in the channel's own markup, already split to its limits.</summary>
public abstract record RenderedMessage
{
    /// <summary>How many platform messages it takes.</summary>
    [JsonIgnore]
    public virtual int PartCount => 1;

    /// <summary>The parts from <paramref name="first"/> on: what an edit that stopped part-way still has to do.</summary>
    public virtual RenderedMessage PartsFrom(int first) =>
        first == 0 ? this : throw new ArgumentOutOfRangeException(nameof(first), first, $"a {GetType().Name} is one message");
}
