using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Reports;

/// <summary>A fact that skips with a message where the Debian chromium package is not installed.</summary>
public sealed class RequiresChromiumFactAttribute : FactAttribute
{
    public RequiresChromiumFactAttribute()
    {
        if (Browser == null) Skip = "chromium is not installed (apt-get install chromium; scripts/setup-deps.sh should add it)";
    }

    public static string? Browser => ExternalProcess.Which("chromium") ?? ExternalProcess.Which("chromium-browser");
}
