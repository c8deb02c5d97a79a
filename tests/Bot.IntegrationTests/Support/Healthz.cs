using System.Net;

namespace Bot.IntegrationTests.Support;

/// <summary>Waits for a <c>bot run</c> process to answer <c>/healthz</c> with 200: started, and its store migrated.</summary>
internal static class Healthz
{
    public static async Task WaitAsync(int port)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                using var response = await client.GetAsync("/healthz");
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, $"the host on port {port} answers /healthz");
    }
}
