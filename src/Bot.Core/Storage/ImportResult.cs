namespace Bot.Core.Storage;

public sealed record ImportResult(string Key, int Version, string Title, ImportStatus Status);
