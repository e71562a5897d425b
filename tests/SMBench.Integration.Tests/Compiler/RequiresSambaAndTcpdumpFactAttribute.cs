using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Compiler;

/// <summary>Skips where smbd cannot run (no root / not installed) or tcpdump is missing.</summary>
public sealed class RequiresSambaAndTcpdumpFactAttribute : FactAttribute
{
    public RequiresSambaAndTcpdumpFactAttribute()
    {
        Skip = SambaServer.Unavailable()
               ?? (ExternalProcess.Which("tcpdump") == null ? "tcpdump is not installed (run scripts/setup-deps.sh)" : null);
    }
}
