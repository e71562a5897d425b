using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Security;

/// <summary>Needs smbd and a loopback packet capture (root, tcpdump); skips with the reason otherwise.</summary>
public sealed class RequiresSambaAndCaptureFactAttribute : FactAttribute
{
    public RequiresSambaAndCaptureFactAttribute()
    {
        Skip = SambaServer.Unavailable() ?? LoopbackCapture.Unavailable();
    }
}
