namespace Bot.Core.Admin.Replies;

/// <summary>What a command looked for and did not find.</summary>
public enum AdminSubject
{
    Article,
    Destination,
}
