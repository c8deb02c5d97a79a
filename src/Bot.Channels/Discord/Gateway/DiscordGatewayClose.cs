namespace Bot.Channels.Discord.Gateway;

/// <summary>Discord's gateway close codes, and which of them may be retried.</summary>
public static class DiscordGatewayClose
{
    public const int AuthenticationFailed = 4004;

    /// <summary>What to do after the gateway closed with <paramref name="code"/> (null: the connection dropped without one).</summary>
    public static DiscordGatewayNext Classify(int? code) => code switch
    {
        AuthenticationFailed or (>= 4010 and <= 4014) => DiscordGatewayNext.Stop,
        // Invalid sequence and session timed out: the session cannot be resumed.
        4007 or 4009 => DiscordGatewayNext.Identify,
        _ => DiscordGatewayNext.Resume,
    };

    /// <summary>Discord's meaning of a close code that stops the client, for the one error line.</summary>
    public static string Describe(int code) => code switch
    {
        AuthenticationFailed => "authentication failed: check Discord:BotToken",
        4010 => "invalid shard",
        4011 => "sharding required",
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents",
        _ => "closed",
    };
}
