using SMBench.TestSupport;
using Xunit;

namespace SMBench.TestSupport;

/// <summary>Skips where a loopback capture cannot be made: no root, no smbd, no tcpdump or no tshark.</summary>
public sealed class RequiresCaptureFactAttribute : FactAttribute
{
    public RequiresCaptureFactAttribute()
    {
        Skip = LoopbackCapture.Unavailable();
    }

    /// <summary>Also needs smbtorture (Debian samba-testsuite).</summary>
    public bool NeedsSmbtorture
    {
        get => false;
        init
        {
            if (value && Skip == null && ExternalProcess.Which("smbtorture") == null)
                Skip = "smbtorture is not installed (apt-get install samba-testsuite)";
        }
    }
}
