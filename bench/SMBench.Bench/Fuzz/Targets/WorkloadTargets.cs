using SMBench.Core.Ir;
using SMBench.Core.Ir.Validation;

namespace SMBench.Bench.Fuzz.Targets;

internal static class WorkloadTargets
{
    /// <summary>
    /// Validates the input as a workload file, then (when valid) streams it again the way a replay does and
    /// touches what replay reads of each op, including the SMB extensions.
    /// </summary>
    public static void Run(string dir, string fileName, byte[] input)
    {
        var file = Path.Combine(dir, fileName);
        File.WriteAllBytes(file, input);
        var report = new WorkloadValidator().Validate(file);
        // Counted by the runner as a documented rejection.
        if (!report.IsValid) throw report.Errors[0];
        var reader = WorkloadReader.Open(file);
        foreach (var op in reader.ReadOperations())
        {
            _ = op.ToString();
            if (op.Smb is { } smb) _ = smb.GetHashCode();
        }
    }
}
