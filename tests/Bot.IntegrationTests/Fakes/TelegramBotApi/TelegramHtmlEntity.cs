namespace Bot.IntegrationTests.Fakes.TelegramBotApi;

/// <summary>One formatting entity of a parsed message; offsets and lengths in UTF-16 code units, as Telegram reports them.</summary>
public sealed record TelegramHtmlEntity(string Type, int Offset, int Length, string? Argument = null);
