namespace Bot.Benchmarks.Cluster;

/// <summary>The cluster's <c>Host:Name</c>s: <c>host-a</c>, <c>host-b</c>…; the first one's inbox takes the articles.</summary>
internal static class ClusterHostNames
{
    public static IEnumerable<string> Take(int count) => Enumerable.Range(0, count).Select(i => $"host-{(char)('a' + i)}");
}
