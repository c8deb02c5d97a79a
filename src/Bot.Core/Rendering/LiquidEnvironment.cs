using Fluid;

namespace Bot.Core.Rendering;

/// <summary>
/// The one parser and the one <see cref="TemplateOptions"/> every template shares: model types registered once at
/// start-up, the clock and time zone taken from the <see cref="TimeProvider"/>, the project's filters added.
/// </summary>
public sealed class LiquidEnvironment
{
    public LiquidEnvironment(TimeProvider timeProvider, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        Parser = new FluidParser(new FluidParserOptions { AllowFunctions = false });
        Options = new TemplateOptions
        {
            Now = timeProvider.GetUtcNow,
            TimeZone = timeProvider.LocalTimeZone,
            StrictVariables = strict,
            StrictFilters = strict,
        };
        Options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        Options.MemberAccessStrategy.Register<ArticleModel>();
        Options.MemberAccessStrategy.Register<DestinationModel>();
        Options.MemberAccessStrategy.Register<SubscriberModel>();
        LiquidFilters.Register(Options.Filters);
    }

    public FluidParser Parser { get; }

    public TemplateOptions Options { get; }
}
