using Bot.Core.Admin.Sessions;
using Bot.Core.Audit;
using Bot.Core.Dashboard;
using Bot.Storage.Audit;
using Bot.Storage.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Storage.Admin;

public static class AdminStorageServiceCollectionExtensions
{
    /// <summary>
    /// What the admin pages read and write in the store: sessions, the audit log with its origin, and per-article
    /// delivery counts. Needs <see cref="StorageServiceCollectionExtensions.AddBotStorage"/>.
    /// </summary>
    public static IServiceCollection AddAdminStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<IAdminSessionStore, SqlAdminSessionStore>();
        services.TryAddSingleton<IAuditLog, SqlAuditLog>();
        services.TryAddSingleton<IArticleDeliveryCounts, SqlArticleDeliveryCounts>();
        return services;
    }
}
