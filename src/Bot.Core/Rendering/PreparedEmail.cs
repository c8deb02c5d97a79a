using System.Globalization;
using Bot.Core.Articles;
using Bot.Core.Channels;
using Fluid;
using Fluid.Values;

namespace Bot.Core.Rendering;

/// <summary>
/// An article made ready for one email list: templates resolved, model built, culture chosen. Personalising for a
/// subscriber is then one render of the three already-parsed templates with a fresh, cheap context.
/// </summary>
/// <remarks>
/// This is the exact path: every subscriber rendered by the engine, filters and conditions included. A list is sent
/// through <see cref="SplicedEmail"/>, which fills subscribers' values into one rendering wherever it can prove the
/// result identical to this one (see <see cref="EmailSkeleton"/>), and falls back to this path elsewhere.
/// </remarks>
public sealed class PreparedEmail
{
    private readonly TemplateOptions _options;
    private readonly TemplateSource _subject;
    private readonly TemplateSource _html;
    private readonly TemplateSource _text;
    private readonly FluidValue _article;
    private readonly FluidValue _destination;
    private readonly CultureInfo _culture;
    private readonly string _language;
    private readonly TextDirection _direction;

    internal PreparedEmail(TemplateOptions options, TemplateCatalog catalog, Article article, string? templateSet, FluidValue articleValue, FluidValue destinationValue)
    {
        _options = options;
        _subject = catalog.Get(templateSet, TemplateFiles.EmailSubject);
        _html = catalog.Get(templateSet, TemplateFiles.EmailHtml);
        _text = catalog.Get(templateSet, TemplateFiles.EmailText);
        _article = articleValue;
        _destination = destinationValue;
        _culture = ArticleCulture.For(article.Language);
        _language = article.Language;
        _direction = article.Direction;
    }

    /// <summary>The email for one subscriber.</summary>
    public EmailMessage Personalise(EmailRecipient recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var context = new TemplateContext(_options) { CultureInfo = _culture };
        context.SetValue("article", _article);
        context.SetValue("destination", _destination);
        context.SetValue("subscriber", new ObjectValue(new SubscriberModel(recipient.Email, recipient.Name)));
        context.SetValue("unsubscribe_url", recipient.UnsubscribeUrl is null ? NilValue.Instance : new StringValue(recipient.UnsubscribeUrl));

        var subject = RenderedText.SingleLine(Render(_subject, context));
        var html = Render(_html, context).Trim() + "\n";
        var text = RenderedText.Tidy(Render(_text, context)) + "\n";
        return new EmailMessage(recipient.Email, recipient.Name, subject, html, text, _language, _direction, recipient.UnsubscribeUrl);
    }

    private static string Render(TemplateSource source, TemplateContext context) =>
        source.Template.Render(context, TemplateFiles.EncoderFor(source.FileName));
}
