using Bot.Host.Http.Admin;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Host.Http.Articles;

public static class ArticleApiServiceCollectionExtensions
{
    public const string RateLimitPolicy = "articles-api";

    /// <summary>Requests without a valid key one client address may make in a burst, and how fast that allowance comes back.</summary>
    public const int FailuresPerClient = 10;

    public static readonly TimeSpan RefillPeriod = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The article API of <c>bot run</c>: the keys from <c>Http:ApiKeys</c>, the operations, and a per-client limit on
    /// requests without a valid key (the pipeline needs <c>UseRateLimiter()</c>). Expects <c>AddAdminHttp</c> (its
    /// redactor) and <c>AddBotDelivery</c>.
    /// </summary>
    public static IServiceCollection AddArticleApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(ApiKeys.From(configuration));
        services.TryAddSingleton<ArticleApiOperations>();
        services.AddRateLimiter(options => options.AddPolicy(RateLimitPolicy, context =>
        {
            var keys = context.RequestServices.GetRequiredService<ApiKeys>();
            // Only attempts without a valid key count, so a guesser cannot lock a news desk out.
            var authenticated = keys.NameOf(AdminKey.BearerOf(context.Request.Headers.Authorization)) is not null;
            return KeyGuessLimit.For(context, authenticated, RateLimitPolicy, FailuresPerClient, RefillPeriod);
        }));
        return services;
    }
}
