namespace Bot.Core.Delivery.Planning;

/// <summary>How far one announcement thread of an article got at one destination.</summary>
public sealed record AnnouncementThread(string Destination, int Generation, AnnouncementState State);
