using System.Collections.Concurrent;
using Bot.Core.Admin;

namespace Bot.Core.Tests.Support;

/// <summary>An <see cref="IAdminNotifier"/> that keeps every notice, in order.</summary>
public sealed class CollectingAdminNotifier : IAdminNotifier
{
    private readonly ConcurrentQueue<AdminNotice> _notices = new();

    public IReadOnlyList<AdminNotice> Notices => [.. _notices];

    public void Notify(AdminNotice notice) => _notices.Enqueue(notice);
}
