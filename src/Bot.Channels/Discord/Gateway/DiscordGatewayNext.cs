namespace Bot.Channels.Discord.Gateway;

/// <summary>What to do after a gateway connection ended.</summary>
public enum DiscordGatewayNext
{
    /// <summary>Connect to <c>resume_gateway_url</c> and send Resume with the session and last sequence.</summary>
    Resume,

    /// <summary>Forget the session, connect to the gateway URL and Identify again.</summary>
    Identify,

    /// <summary>Give up: the token, the intents or the version is wrong, and retrying only burns identifies.</summary>
    Stop,
}
