namespace Bot.Channels.Discord.Gateway;

/// <summary>What resuming a gateway session needs: its id, the last sequence number seen and where to resume.</summary>
public sealed record DiscordGatewaySession(string SessionId, long Sequence, Uri? ResumeUrl);
