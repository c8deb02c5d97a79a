namespace Bot.Core.Admin;

/// <summary>
/// Tells the admins about something they must act on. Returns at once and never throws: the dispatcher calls it
/// in the middle of recording outcomes, and a notice that cannot go out must not hold up or fail a delivery.
/// </summary>
public interface IAdminNotifier
{
    void Notify(AdminNotice notice);
}
