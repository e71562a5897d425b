using System.Text;
using SMBench.Daemon.Http;

namespace SMBench.Bench.Fuzz.Targets;

/// <summary>
/// The body of <c>POST /api/runs</c> as the daemon parses it (<see cref="RunSubmission.ParseAsync"/>): whatever a
/// client sends must end in an <see cref="ApiRequestException"/> (400) or a submission, never a 500.
/// </summary>
public sealed class RunSubmissionTarget : IFuzzTarget
{
    private static readonly string[] Seeds =
    [
        """{"workload": "/srv/workloads/office", "target": "smb://fs1:445/bench", "backend": "smb", "mode": "realistic", "time_scale": 0.5, "root": "smbench/r1", "user": "LAB\\u1", "password_env": "PW"}""",
        """{"workload": "/srv/w", "backend": "null", "time_scale": 0, "max_in_flight": 4, "null_latency_ms": 1.5, "run_id": "run-1"}""",
        """{"workload": "w", "target": "file:///srv/replay", "backend": "local", "mode": "mvp", "credentials": "/etc/smbench/creds.yaml"}""",
    ];

    public string Name => "api-run-submission";

    public string DocumentedErrors => nameof(ApiRequestException);

    public IReadOnlyList<byte[]> LoadSeeds() => Seeds.Select(Encoding.UTF8.GetBytes).ToList();

    public byte[] Mutate(byte[] seed, IReadOnlyList<byte[]> seeds, Random random) =>
        random.Next(3) == 0 ? ByteMutator.Mutate(seed, seeds, random) : JsonMutator.MutateDocument(seed, seeds, random);

    public void Execute(byte[] input)
    {
        using var body = new MemoryStream(input);
        _ = RunSubmission.ParseAsync(body, CancellationToken.None).GetAwaiter().GetResult();
    }

    public bool IsDocumented(Exception e) => e is ApiRequestException;
}
