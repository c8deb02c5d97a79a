using System.Text.Json;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Channels.Discord.Gateway;

/// <summary>
/// The gateway session in the bot's state, so the host that takes the gateway over (the previous one died or lost its
/// election) resumes the session instead of opening a new one, and Discord replays the interactions sent meanwhile.
/// Writes never hold the gateway up: the latest session is written in the background, one write at a time.
/// </summary>
public sealed partial class DiscordGatewaySessionStore(IBotStateStore state, ILogger<DiscordGatewaySessionStore> logger)
{
    public const string StateKey = "discord.gateway_session";

    private readonly Lock _gate = new();
    private DiscordGatewaySession? _pending;
    private bool _writing;

    public async Task<DiscordGatewaySession?> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var stored = await state.GetAsync(StateKey, cancellationToken);
            return string.IsNullOrEmpty(stored) ? null : JsonSerializer.Deserialize(stored, DiscordGatewaySessionJson.Default.StoredSession)?.ToSession();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or System.Data.Common.DbException)
        {
            LogFailed(e, "read");
            return null;
        }
    }

    /// <summary>Remembers <paramref name="session"/>, in the background.</summary>
    public void Remember(DiscordGatewaySession session)
    {
        lock (_gate)
        {
            _pending = session;
            if (_writing) return;
            _writing = true;
        }

        _ = Task.Run(WriteAsync);
    }

    /// <summary>The session ended (a clean stop): the next host identifies anew. Waits at most <paramref name="limit"/>.</summary>
    public async Task ForgetAsync(TimeSpan limit)
    {
        lock (_gate) _pending = null;
        using var bounded = new CancellationTokenSource(limit);
        try
        {
            await state.SetAsync(StateKey, "", bounded.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogFailed(e, "cleared");
        }
    }

    private async Task WriteAsync()
    {
        while (true)
        {
            DiscordGatewaySession session;
            lock (_gate)
            {
                if (_pending is null)
                {
                    _writing = false;
                    return;
                }

                session = _pending;
                _pending = null;
            }

            try
            {
                await state.SetAsync(StateKey, JsonSerializer.Serialize(StoredSession.From(session), DiscordGatewaySessionJson.Default.StoredSession), CancellationToken.None);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogFailed(e, "written");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Discord gateway session could not be {What}; the next host to run the gateway opens a new session")]
    private partial void LogFailed(Exception exception, string what);

    internal sealed record StoredSession(string SessionId, long Sequence, string? ResumeUrl)
    {
        public static StoredSession From(DiscordGatewaySession session) => new(session.SessionId, session.Sequence, session.ResumeUrl?.ToString());

        public DiscordGatewaySession ToSession() => new(SessionId, Sequence, ResumeUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null);
    }
}
