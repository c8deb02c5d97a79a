namespace Bot.Core.Delivery;

/// <summary>The lower-case names kinds and statuses are stored and shown as.</summary>
public static class DeliveryNames
{
    public static string Of(DeliveryKind kind) => kind switch
    {
        DeliveryKind.Announce => "announce",
        DeliveryKind.Edit => "edit",
        DeliveryKind.Delete => "delete",
        DeliveryKind.Correction => "correction",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Of(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Queued => "queued",
        DeliveryStatus.Sending => "sending",
        DeliveryStatus.Sent => "sent",
        DeliveryStatus.Failed => "failed",
        DeliveryStatus.Dead => "dead",
        DeliveryStatus.Cancelled => "cancelled",
        DeliveryStatus.Held => "held",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static DeliveryKind ParseKind(string value) =>
        TryParse<DeliveryKind>(value, out var kind) ? kind : throw new FormatException($"unknown delivery kind '{value}'");

    public static DeliveryStatus ParseStatus(string value) =>
        TryParse<DeliveryStatus>(value, out var status) ? status : throw new FormatException($"unknown delivery status '{value}'");

    public static bool TryParseStatus(string value, out DeliveryStatus status) => TryParse(value, out status);

    private static bool TryParse<T>(string value, out T result) where T : struct, Enum
    {
        result = default;
        return !string.IsNullOrWhiteSpace(value) && !char.IsDigit(value.Trim()[0])
            && Enum.TryParse(value.Trim(), ignoreCase: true, out result) && Enum.IsDefined(result);
    }
}
