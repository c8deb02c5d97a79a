using System.Globalization;
using System.Reflection;
using System.Text;
using Bot.Core.Channels;
using Bot.Core.Delivery.Dispatch;
using Microsoft.AspNetCore.Http;

namespace Bot.Host.Http.Admin.Pages;

/// <summary>
/// The stylesheet, script and icon of the admin pages, embedded in the executable and served from <c>/admin/static/</c>
/// without a session (the sign-in page needs them; they hold nothing private). The stylesheet ends with one rule per
/// Discord embed colour in the configuration: the CSP allows no inline style, so a colour must come from here.
/// </summary>
public sealed class AdminStaticFiles
{
    private readonly Dictionary<string, (byte[] Body, string Type)> _files = new(StringComparer.Ordinal);

    public AdminStaticFiles(DestinationCatalog catalog)
    {
        var css = new StringBuilder(Read("admin.css"));
        foreach (var color in catalog.All.Where(d => d.Channel == ChannelNames.Discord && d.Color is not null).Select(d => d.Color!.Value & 0xFFFFFF).Distinct())
        {
            css.Append(CultureInfo.InvariantCulture, $".dc-embed.{PreviewHtml.ColorClass(color)} {{ border-inline-start-color: #{color:x6}; }}\n");
        }

        _files["admin.css"] = (Encoding.UTF8.GetBytes(css.ToString()), "text/css; charset=utf-8");
        _files["admin.js"] = (Encoding.UTF8.GetBytes(Read("admin.js")), "text/javascript; charset=utf-8");
        _files["favicon.svg"] = (Encoding.UTF8.GetBytes(Read("favicon.svg")), "image/svg+xml");
    }

    public IResult Serve(HttpContext context, string name)
    {
        if (!_files.TryGetValue(name, out var file))
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        return Results.Bytes(file.Body, file.Type);
    }

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("admin-static/" + name)
            ?? throw new InvalidOperationException($"admin-static/{name} is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
