using SMBench.Daemon.Cluster;
using Xunit;

namespace SMBench.Daemon.Tests.Cluster;

/// <summary>Digests from run messages name directories on a node: only what <see cref="WorkloadBundles.Digest"/> makes passes.</summary>
public sealed class WorkloadDigestTests
{
    [Fact]
    public void A_real_digest_passes_and_path_like_or_odd_values_do_not()
    {
        var seed = SMBench.TestSupport.RepoPaths.SeedExample;
        Assert.True(WorkloadBundles.IsDigest(WorkloadBundles.Digest(seed)));
        foreach (var bad in new[] { "", "../../etc", new string('a', 63), new string('a', 65), "../" + new string('a', 61), new string('g', 64), "/" + new string('a', 63) })
            Assert.False(WorkloadBundles.IsDigest(bad), bad);
        Assert.False(WorkloadBundles.IsDigest(null));
    }
}
