using Xunit;

namespace SMBench.TestSupport;

/// <summary>A fact that skips with a message where smbd cannot be started (not installed, not root).</summary>
public sealed class RequiresSambaFactAttribute : FactAttribute
{
    public RequiresSambaFactAttribute()
    {
        var reason = SambaServer.Unavailable();
        if (reason != null) Skip = reason;
    }
}
