using System.Collections.Concurrent;
using System.Text;
using Bot.Core.Channels;
using MimeKit;

namespace Bot.Channels.Email;

/// <summary>
/// The sender's MIME assembly: <see cref="EmailMimeBuilder"/> (shared with <c>bot preview</c> and the dry-run
/// outbox, so what is previewed is what is sent) plus a <c>List-Id</c> naming the destination, which only the
/// delivery target knows. Gmail's bulk-sender rules ask for List-Id on list mail. Bodies and repeated headers come
/// from per-list <see cref="ListEncoders"/>, which encode what a list's messages share once; the bytes stay the builder's.
/// </summary>
public sealed class EmailMimeComposer(EmailMimeBuilder builder, MailboxAddress from) : IMimeComposer
{
    private readonly string idDomain = from.Domain is { Length: > 0 } domain ? domain : "localhost";
    private readonly ConcurrentDictionary<string, List> lists = new(StringComparer.Ordinal);
    private readonly ListMailBuilder? listMail = builder.CreateListMailBuilder();

    public MimeMessage Compose(DeliveryTarget target, EmailMessage message) => Compose(ListOf(target), message);

    /// <summary>The message as bytes (<see cref="ListMail"/>) where its shape allows, else as MimeKit builds it.</summary>
    ComposedMail IMimeComposer.ComposeMail(DeliveryTarget target, EmailMessage message)
    {
        var list = ListOf(target);
        return listMail?.Build(message, list.Encoders, list.Id) as ComposedMail ?? new MimeMail(Compose(list, message));
    }

    private MimeMessage Compose(List list, EmailMessage message)
    {
        var mime = builder.Build(message, null, list.Encoders);
        if (list.Id is { } listId)
        {
            mime.Headers.Add(list.Encoders.Headers.Get("List-Id", listId));
        }

        return mime;
    }

    private List ListOf(DeliveryTarget target) =>
        lists.GetOrAdd(target.Destination, destination => new List(new ListEncoders(), ListId(destination)));

    /// <summary>RFC 2919: <c>&lt;slug.domain&gt;</c>, the slug made of the destination name's ASCII letters and digits.</summary>
    private string? ListId(string destination)
    {
        var slug = new StringBuilder(destination.Length);
        foreach (var c in destination.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var id = slug.ToString().Trim('-');
        return id.Length == 0 ? null : $"<{id}.{idDomain}>";
    }

    private sealed record List(ListEncoders Encoders, string? Id);
}
