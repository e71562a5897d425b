using SMBench.Smb.Security.Ntlm;

namespace SMBench.Bench.Fuzz.Targets;

/// <summary>
/// A hostile server's NTLM CHALLENGE_MESSAGE (MS-NLMP §2.2.1.2) through the client's whole AUTHENTICATE step:
/// field offsets and lengths, the AV pair list (TargetInfo, MsvAvTimestamp), key exchange. Also the compiler's
/// AUTHENTICATE reader on the same bytes (captures hold what any client sent). Documented error:
/// <see cref="NtlmException"/>.
/// </summary>
public sealed class NtlmChallengeTarget : IFuzzTarget
{
    private static readonly NtlmCredential Credential = NtlmCredential.Parse("user", "DOMAIN", "password");

    public string Name => "ntlm";

    public string DocumentedErrors => nameof(NtlmException);

    public IReadOnlyList<byte[]> LoadSeeds() => [.. SecurityTokenSeeds.NtlmChallenges(), .. SecurityTokenSeeds.NtlmAuthenticates()];

    public byte[] Mutate(byte[] seed, IReadOnlyList<byte[]> seeds, Random random) => ByteMutator.Mutate(seed, seeds, random);

    public void Execute(byte[] input)
    {
        _ = SMBench.Compiler.Smb.NtlmIdentity.Find(input);
        var client = new NtlmClient(Credential, useKeyExchange: input.Length % 2 == 0, n => new byte[n], () => 0);
        _ = client.Authenticate(input);
    }

    public bool IsDocumented(Exception e) => e is NtlmException;
}
