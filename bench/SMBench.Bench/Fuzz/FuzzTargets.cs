using SMBench.Bench.Fuzz.Targets;

namespace SMBench.Bench.Fuzz;

/// <summary>The targets by name, for the fuzz harnesses.</summary>
public static class FuzzTargets
{
    public static IReadOnlyList<IFuzzTarget> All() =>
    [
        new WorkloadJsonTarget(),
        new WorkloadJsonLinesTarget(),
        new CredentialsYamlTarget(),
        new CaptureFileTarget(),
        new LoadfileTarget(),
        new SmbCodecTarget(),
        new NtlmChallengeTarget(),
        new SpnegoTarget(),
        new RunSubmissionTarget(),
    ];

    public static IFuzzTarget? Find(string name) => All().FirstOrDefault(t => t.Name == name);
}
