namespace Bot.Core.Delivery.Planning;

/// <summary>One recipient of a fan-out, with the id the cursor advances on.</summary>
public sealed record FanOutRecipient(long Id, string Email);
