using Bot.Core.Delivery;
using Bot.Core.Delivery.Planning;
using Bot.Core.Rendering;

namespace Bot.Core.Tests.Support;

/// <summary>Email list members with ids, shared with <see cref="InMemoryDeliveryStore"/> for fan-outs.</summary>
public sealed class InMemoryRecipientDirectory : IRecipientDirectory
{
    private readonly Lock _gate = new();
    private readonly List<(long Id, string List, string Email, bool Active)> _members = [];

    public List<(string List, string Email, string Reason)> Bounced { get; } = [];

    public void Add(string list, params string[] emails)
    {
        lock (_gate)
        {
            foreach (var email in emails) _members.Add((_members.Count + 1, list, email, true));
        }
    }

    public void Remove(string list, string email)
    {
        lock (_gate)
        {
            var i = _members.FindIndex(m => m.List == list && m.Email == email);
            _members[i] = _members[i] with { Active = false };
        }
    }

    public IReadOnlyList<FanOutRecipient> Page(string list, long afterId, int limit)
    {
        lock (_gate)
        {
            return _members.Where(m => m.List == list && m.Active && m.Id > afterId).OrderBy(m => m.Id).Take(limit)
                .Select(m => new FanOutRecipient(m.Id, m.Email)).ToList();
        }
    }

    public Task<EmailRecipient?> FindAsync(string list, string email, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var found = _members.FirstOrDefault(m => m.List == list && m.Active && FanOutBatch.NormalizeAddress(m.Email) == email);
            return Task.FromResult(found.Email is null ? null : new EmailRecipient(found.Email, null, $"https://example.org/unsubscribe?token={found.Id}"));
        }
    }

    public Task MarkBouncedAsync(string list, string email, string reason, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Bounced.Add((list, email, reason));
            var i = _members.FindIndex(m => m.List == list && FanOutBatch.NormalizeAddress(m.Email) == email);
            if (i >= 0) _members[i] = _members[i] with { Active = false };
        }
        return Task.CompletedTask;
    }
}
