using SMBench.Core.Ir;

namespace SMBench.Compiler.Mapping;

/// <summary>
/// Second pass for captures with oplock/lease breaks: an open is written before anyone knows how its client
/// will answer a break, so the replies collected during the first pass are patched into the opens' extensions
/// by streaming the workload through once more.
/// </summary>
public static class BreakPatcher
{
    public static void Patch(string workloadDir, IReadOnlyDictionary<string, List<BreakResponse>> replies, WorkloadMetadata metadata, IReadOnlyList<ClientInfo> clients)
    {
        var staging = Path.Combine(workloadDir, ".patch");
        Directory.CreateDirectory(staging);
        try
        {
            var reader = WorkloadReader.Open(workloadDir);
            using (var writer = new WorkloadWriter(staging, jsonLines: true))
            {
                foreach (var op in reader.ReadOperations())
                {
                    if (op is OpenOp open && replies.TryGetValue(open.Handle, out var list))
                        writer.Write(open with { Smb = (open.Smb ?? new SmbOpExtensions()) with { OnBreak = list } });
                    else
                        writer.Write(op);
                }
                writer.Complete(metadata, clients);
            }
            File.Move(Path.Combine(staging, WorkloadReader.JsonLinesFileName), Path.Combine(workloadDir, WorkloadReader.JsonLinesFileName), overwrite: true);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
