namespace Bot.Benchmarks.TelegramRate;

/// <summary>Telegram's limits as the fake enforces them, given to the bot as its <c>Delivery:Pacing</c> budgets.</summary>
public sealed record TelegramLimits(int GlobalPerSecond, int PerChatPerMinute, int PrivateChatPerSecond);
