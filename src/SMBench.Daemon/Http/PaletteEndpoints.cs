using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SMBench.Daemon.Ctl;

namespace SMBench.Daemon.Http;

/// <summary><c>GET /api/cmd/palettes</c>: the command palettes this daemon serves, for <c>smbench ctl</c>.</summary>
public static class PaletteEndpoints
{
    public static void Map(WebApplication app)
        => app.MapGet("/api/cmd/palettes", () => Results.Json(new { palettes = PaletteCatalog.All }, ApiJson.Options))
            .WithSummary("Palettes and their commands (name, usage, streaming, HTTP call)");
}
