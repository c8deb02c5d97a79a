namespace Bot.Host.Http;

/// <summary>
/// <c>AddFilter&lt;TFilter&gt;()</c> for a route group: the filter constructed from the services once per endpoint, as
/// <c>AddEndpointFilter&lt;TFilter&gt;()</c> does, but by reflection. That one compiles an expression tree to construct
/// it, which loaded System.Linq.Expressions (2.5 MiB resident) into every host for three filters.
/// </summary>
internal static class ConstructedEndpointFilter
{
    public static RouteGroupBuilder AddFilter<TFilter>(this RouteGroupBuilder group)
        where TFilter : IEndpointFilter =>
        group.AddEndpointFilterFactory((context, next) =>
        {
            var filter = ActivatorUtilities.CreateInstance<TFilter>(context.ApplicationServices);
            return invocation => filter.InvokeAsync(invocation, next);
        });
}
