namespace SMBench.Provisioner.Prestate;

/// <summary>What a pre-created file contains. The capture rarely shows the original bytes, only the sizes reads need.</summary>
public enum ContentKind
{
    /// <summary>All zero bytes (may be sparse where the share supports it).</summary>
    Zeros,

    /// <summary>Deterministic pseudo-random bytes (seeded by the path), for servers that compress or deduplicate.</summary>
    Synthetic,
}
