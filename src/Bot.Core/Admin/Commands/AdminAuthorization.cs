namespace Bot.Core.Admin.Commands;

/// <summary>The one check every admin command passes: is the caller granted on its surface.</summary>
public sealed class AdminAuthorization(IEnumerable<AdminGrant> grants)
{
    private readonly HashSet<string> _actors =
        grants.SelectMany(g => g.Ids.Select(id => new AdminCaller(g.Surface, id, false).Actor)).ToHashSet(StringComparer.Ordinal);

    public bool Allows(AdminCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return _actors.Contains(caller.Actor);
    }
}
