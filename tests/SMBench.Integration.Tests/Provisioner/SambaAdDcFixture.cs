using SMBench.TestSupport;
using Xunit;

namespace SMBench.Integration.Tests.Provisioner;

/// <summary>One Samba AD DC shared by the AD provisioning tests (it takes ~15 s to start and owns port 389/636).</summary>
public sealed class SambaAdDcFixture : IAsyncLifetime
{
    public SambaAdDc? Dc { get; private set; }

    public async Task InitializeAsync()
    {
        if (SambaAdDc.Unavailable() == null) Dc = await SambaAdDc.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (Dc != null) await Dc.DisposeAsync();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SambaAdDcCollection : ICollectionFixture<SambaAdDcFixture>
{
    public const string Name = "Samba AD DC";
}

/// <summary>Skips (with the reason) where a Samba AD DC cannot run: not installed, not root, port 389 taken.</summary>
public sealed class RequiresSambaAdDcFactAttribute : FactAttribute
{
    public RequiresSambaAdDcFactAttribute()
    {
        if (SambaAdDc.Unavailable() is { } reason) Skip = reason;
    }
}

/// <summary>Skips (with the reason) where slapd cannot run.</summary>
public sealed class RequiresSlapdFactAttribute : FactAttribute
{
    public RequiresSlapdFactAttribute()
    {
        if (Slapd.Unavailable() is { } reason) Skip = reason;
    }
}
