using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Faults;

/// <summary>A fact that skips with a message where smbd cannot run in a network namespace the test makes.</summary>
public sealed class RequiresNetNamespaceFactAttribute : FactAttribute
{
    public RequiresNetNamespaceFactAttribute()
    {
        var reason = SambaServer.Unavailable() ?? NetNamespace.Unavailable();
        if (reason != null) Skip = reason;
    }
}
