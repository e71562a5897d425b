namespace SMBench.Provisioner.Prestate;

/// <summary>What pre-state provisioning did (or would do, for a dry run: everything is then counted as planned).</summary>
public sealed record PrestateResult(int DirectoriesCreated, int FilesCreated, int FilesResized, int Existed, long BytesPlanned,
    bool DryRun);
