using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Smb;

/// <summary>A theory that skips with a message where smbd cannot be started (not installed, not root).</summary>
public sealed class RequiresSambaTheoryAttribute : TheoryAttribute
{
    public RequiresSambaTheoryAttribute()
    {
        var reason = SambaServer.Unavailable();
        if (reason != null) Skip = reason;
    }
}
