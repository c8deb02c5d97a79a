namespace Bot.Core.Delivery.Configuration;

/// <summary>One thing wrong in the configuration, named by its full key (<c>Telegram:Destinations:0:ChatId</c>).</summary>
public sealed record ConfigurationProblem(string Key, string Message)
{
    public override string ToString() => $"{Key}: {Message}";
}
