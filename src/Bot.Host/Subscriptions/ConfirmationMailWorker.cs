using Bot.Core.Channels;
using Bot.Core.Delivery.Dispatch;
using Bot.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Host.Subscriptions;

/// <summary>Sends queued confirmation mails through the email channel, retrying transient failures a few times.</summary>
public sealed partial class ConfirmationMailWorker(
    ConfirmationMailQueue queue,
    IServiceProvider services,
    TimeProvider timeProvider,
    ILogger<ConfirmationMailWorker> logger) : BackgroundService
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(1)];

    // The dispatcher's choice when it runs (the SMTP sender, or the dry-run outbox without an SMTP host), so
    // confirmation mail goes wherever announcements go.
    private readonly IChannelSender? email = services.GetService<ChannelSenderSet>()?.Find(ChannelNames.Email)
        ?? services.GetServices<IChannelSender>().FirstOrDefault(s => s.Channel == ChannelNames.Email);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var request in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await SendAsync(request, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(ConfirmationRequest request, CancellationToken cancellationToken)
    {
        if (email is null)
        {
            LogNoChannel(logger, request.List.Name);
            return;
        }

        var message = ConfirmationEmail.Build(request);
        var target = new DeliveryTarget(ChannelNames.Email, request.List.Name, request.Email);
        for (var attempt = 0; ; attempt++)
        {
            SendOutcome outcome;
            try
            {
                outcome = await email.SendAsync(target, message, [], cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, request.List.Name, "error", exception.Message);
                return;
            }

            if (outcome is SendOutcome.Sent)
            {
                LogSent(logger, request.List.Name);
                return;
            }

            if (outcome is not SendOutcome.RetryLater retry || attempt >= Backoff.Length)
            {
                LogFailed(logger, request.List.Name, outcome.GetType().Name, outcome.ToString());
                return;
            }

            await Task.Delay(retry.RetryAfter ?? Backoff[attempt], timeProvider, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Confirmation mail for list {List} sent")]
    private static partial void LogSent(ILogger logger, string list);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Confirmation mail for list {List} not sent: {Outcome} {Reason}")]
    private static partial void LogFailed(ILogger logger, string list, string outcome, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Confirmation mail for list {List} not sent: no email channel is registered")]
    private static partial void LogNoChannel(ILogger logger, string list);
}
