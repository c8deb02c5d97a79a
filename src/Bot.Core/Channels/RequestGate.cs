namespace Bot.Core.Channels;

/// <summary>Gates that need no pacer.</summary>
public static class RequestGate
{
    /// <summary>Lets every request through at once: previews, ad-hoc sends, tests of a sender alone.</summary>
    public static IRequestGate Open { get; } = new OpenGate();

    private sealed class OpenGate : IRequestGate
    {
        public IDisposable? TryEnter(out DateTimeOffset notBefore)
        {
            notBefore = default;
            return NoSlot.Instance;
        }
    }

    private sealed class NoSlot : IDisposable
    {
        public static NoSlot Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
