using Bot.Core.Channels;

namespace Bot.Core.Rendering;

/// <summary>
/// An article prepared for one email list: each subscriber's message is spliced from an <see cref="EmailSkeleton"/>
/// when the templates and the subscriber's values allow it, and rendered in full otherwise.
/// </summary>
internal sealed class SplicedEmail(PreparedEmail email) : PreparedMessage
{
    private readonly Lazy<EmailSkeleton?>[] _skeletons =
    [
        new(() => EmailSkeleton.TryBuild(email, hasName: false, hasUnsubscribe: false)),
        new(() => EmailSkeleton.TryBuild(email, hasName: true, hasUnsubscribe: false)),
        new(() => EmailSkeleton.TryBuild(email, hasName: false, hasUnsubscribe: true)),
        new(() => EmailSkeleton.TryBuild(email, hasName: true, hasUnsubscribe: true)),
    ];

    public override RenderedMessage For(EmailRecipient? recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient, nameof(recipient));
        if (EmailSkeleton.Fits(recipient)
            && _skeletons[(recipient.Name is null ? 0 : 1) + (recipient.UnsubscribeUrl is null ? 0 : 2)].Value is { } skeleton)
        {
            return skeleton.Fill(recipient);
        }
        return email.Personalise(recipient);
    }
}
