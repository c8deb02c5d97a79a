using Bot.Core.Delivery;

namespace Bot.Core.Tests.Support;

/// <summary>Destinations as the catalog hands them to the engine: with their channel's traits.</summary>
public static class DestinationTraits
{
    public static Destination Traited(this Destination destination) =>
        destination.WithTraits(DispatchHarness.Traits.Single(t => t.Channel == destination.Channel));
}
