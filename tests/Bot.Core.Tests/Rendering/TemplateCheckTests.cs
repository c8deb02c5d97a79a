using Bot.Core.Rendering;
using Xunit;

namespace Bot.Core.Tests.Rendering;

public sealed class TemplateCheckTests
{
    [Fact]
    public void Check_DefaultTemplates_FindsNothing()
    {
        var problems = TemplateCheck.Check(ReferenceArticle.TemplatesPath, timeProvider: ReferenceArticle.Clock());

        Assert.Empty(problems);
    }

    [Fact]
    public void Check_ParseErrorInDefault_ReportsFileLineAndColumn()
    {
        using var folder = TemplateFolder.CopyOfDefaults();
        folder.Write("telegram/message.liquid", "<b>{{ article.title }}</b>\n{{ article.summary | }}\n");

        var problem = Assert.Single(TemplateCheck.Check(folder.Path, timeProvider: ReferenceArticle.Clock()));

        Assert.Equal($"{folder.File("telegram/message.liquid")}:2:21: An identifier was expected after the '|' sign", problem.ToString());
    }

    [Fact]
    public void Check_UnclosedTagInNamedSet_ReportsWhereTheEndWasExpected()
    {
        using var folder = TemplateFolder.CopyOfDefaults();
        folder.Write("breaking/subject.liquid", "{% if article.summary %}\n{{ article.title }}\n");

        var problem = Assert.Single(TemplateCheck.Check(folder.Path, timeProvider: ReferenceArticle.Clock()));

        Assert.Equal(folder.File("breaking/subject.liquid"), problem.Path);
        Assert.Equal((2, 21), (problem.Line, problem.Column));
        Assert.Contains("endif", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MisspelledMember_ReportsItsPosition()
    {
        using var folder = TemplateFolder.CopyOfDefaults();
        folder.Write("discord/embed_title.liquid", "📰\n  {{ article.titel }}\n");

        var problem = Assert.Single(TemplateCheck.Check(folder.Path, timeProvider: ReferenceArticle.Clock()));

        Assert.Equal($"{folder.File("discord/embed_title.liquid")}:2:14: Undefined variable 'titel'", problem.ToString());
    }

    [Fact]
    public void Check_UnknownFilter_ReportsItsPosition()
    {
        using var folder = TemplateFolder.CopyOfDefaults();
        folder.Write("email/subject.liquid", "{{ article.title | shout }}");

        var problem = Assert.Single(TemplateCheck.Check(folder.Path, timeProvider: ReferenceArticle.Clock()));

        Assert.Equal(folder.File("email/subject.liquid"), problem.Path);
        Assert.Equal((1, 20), (problem.Line, problem.Column));
        Assert.Contains("shout", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SubscriberInTelegramTemplate_ReportsUndefinedVariable()
    {
        using var folder = TemplateFolder.CopyOfDefaults();
        folder.Write("alerts/message.liquid", "{{ article.title }} {{ subscriber.email }}");

        var problem = Assert.Single(TemplateCheck.Check(folder.Path, timeProvider: ReferenceArticle.Clock()));

        Assert.Equal($"{folder.File("alerts/message.liquid")}:1:24: Undefined variable 'subscriber'", problem.ToString());
    }

    [Fact]
    public void Check_TagTelegramRefuses_ReportsTheTagInTheTemplate()
    {
        using var folder = TemplateFolder.CopyOfDefaults();
        folder.Write("alerts/message.liquid", "<b>{{ article.title }}</b>\n<p>{{ article.body }}</p>");

        var problem = Assert.Single(TemplateCheck.Check(folder.Path, timeProvider: ReferenceArticle.Clock()));

        Assert.Equal(folder.File("alerts/message.liquid"), problem.Path);
        Assert.Equal((2, 1), (problem.Line, problem.Column));
        Assert.Contains("Unsupported start tag \"p\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MissingDefaultAndStrayFile_ReportsBoth()
    {
        using var folder = TemplateFolder.CopyOfDefaults();
        folder.Delete("email/body.txt.liquid");
        folder.Write("breaking/mesage.liquid", "x");

        var problems = TemplateCheck.Check(folder.Path, timeProvider: ReferenceArticle.Clock()).Select(p => p.ToString()).ToList();

        Assert.Contains($"{folder.File("email/body.txt.liquid")}:1:1: default template missing", problems);
        Assert.Contains(problems, p => p.StartsWith($"{folder.File("breaking/mesage.liquid")}:1:1: unknown template file", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_DestinationNamingMissingSet_ReportsIt()
    {
        var destinations = new[] { ReferenceArticle.Telegram with { Template = "breaking" }, ReferenceArticle.Email };

        var problem = Assert.Single(TemplateCheck.Check(ReferenceArticle.TemplatesPath, destinations, ReferenceArticle.Clock()));

        Assert.Equal($"{Path.Combine(ReferenceArticle.TemplatesPath, "breaking")}:1:1: template set 'breaking' of destination 'quds-telegram' not found", problem.ToString());
    }

    [Fact]
    public void MessageRenderer_BrokenTemplate_ThrowsWithEveryProblem()
    {
        using var folder = TemplateFolder.CopyOfDefaults();
        folder.Write("telegram/message.liquid", "{{ article.title | }}");

        var error = Assert.Throws<TemplateCatalogException>(() => new MessageRenderer(folder.Path, ReferenceArticle.Clock()));

        Assert.Equal($"{folder.File("telegram/message.liquid")}:1:19: An identifier was expected after the '|' sign", Assert.Single(error.Problems).ToString());
    }
}
