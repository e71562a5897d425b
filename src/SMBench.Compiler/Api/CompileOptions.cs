namespace SMBench.Compiler;

/// <summary>How write payloads go into the workload.</summary>
public enum PayloadMode
{
    /// <summary>Captured bytes, content-addressed under <c>blobs/</c>.</summary>
    Keep,

    /// <summary>Same lengths, no blobs: replay writes deterministic filler.</summary>
    Synthetic,
}

/// <summary>What one IR client stands for.</summary>
public enum ClientGrouping
{
    /// <summary>One client per (client address, authenticated user) — the default.</summary>
    AddressUser,

    /// <summary>One client per TCP connection.</summary>
    Connection,

    /// <summary>One client per SMB session (connection + SessionId).</summary>
    Session,
}

/// <summary>Options of <c>smbench compile</c> (design.md §6).</summary>
public sealed record CompileOptions
{
    /// <summary>A .pcap/.pcapng capture or a dbench loadfile.</summary>
    public required string InputPath { get; init; }

    /// <summary>The workload directory to write (created; an existing workload in it is replaced).</summary>
    public required string OutputDirectory { get; init; }

    public PayloadMode Payload { get; init; } = PayloadMode.Keep;

    /// <summary>TCP ports always treated as SMB. Empty: SMB is recognised by content on any port.</summary>
    public IReadOnlyList<int> Ports { get; init; } = [];

    public ClientGrouping ClientBy { get; init; } = ClientGrouping.AddressUser;

    /// <summary>Replace path components, user names and addresses by keyed HMACs.</summary>
    public bool Anonymize { get; init; }

    /// <summary>Environment variable holding the anonymization key (required with <see cref="Anonymize"/>).</summary>
    public string AnonymizeKeyEnv { get; init; } = "SMBENCH_ANONYMIZE_KEY";

    /// <summary>
    /// SESSIONID:HEXKEY pairs for decrypting 0xFD traffic (SessionId in hex as tshark shows smb2.sesid, the
    /// session's SessionKey in hex). Encrypted traffic of sessions without a key is counted and skipped.
    /// </summary>
    public IReadOnlyList<string> SessionKeys { get; init; } = [];

    /// <summary>Force the loadfile importer (otherwise chosen by content).</summary>
    public bool? IsLoadfile { get; init; }

    /// <summary>Bounds on out-of-order data held per TCP direction.</summary>
    public Tcp.ReassemblyLimits Reassembly { get; init; } = Tcp.ReassemblyLimits.Default;

    /// <summary>Source name recorded in the workload metadata (default: the input file name).</summary>
    public string? SourceName { get; init; }
}
