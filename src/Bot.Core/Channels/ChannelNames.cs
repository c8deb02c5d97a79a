namespace Bot.Core.Channels;

public static class ChannelNames
{
    public const string Telegram = "telegram";
    public const string Discord = "discord";
    public const string Email = "email";

    public static readonly IReadOnlyList<string> All = [Telegram, Discord, Email];
}
