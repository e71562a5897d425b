using SMBench.Core.Ir;
using SMBench.Smb.Client;

namespace SMBench.Actors.Backends.Smb;

/// <summary>A live open of a replayed handle: the SMB file plus what its break handling needs.</summary>
internal sealed class SmbOpen(SmbFile file, OpenOp op, Guid? leaseKey)
{
    public SmbFile File { get; set; } = file;
    public OpenOp Op { get; } = op;
    public Guid? LeaseKey { get; } = leaseKey;
    /// <summary>How many of the captured client's break answers were used so far.</summary>
    public int BreaksAnswered { get; set; }
    public bool ClosedByBreak { get; set; }
    /// <summary>The connection died and the open could not be reclaimed.</summary>
    public bool Lost { get; set; }

    public BreakResponse? NextCapturedAnswer()
    {
        var list = Op.Smb?.OnBreak;
        return list != null && BreaksAnswered < list.Count ? list[BreaksAnswered++] : null;
    }
}
