using SMBench.Smb.Security.Ntlm;
using SMBench.Smb.Security.Spnego;

namespace SMBench.Bench.Fuzz.Targets;

/// <summary>
/// SPNEGO tokens (RFC 4178, DER) a server sends in SESSION_SETUP responses: NegTokenResp with negState, supportedMech
/// and the wrapped NTLM CHALLENGE, which then goes through the NTLM step as a login would. GSS-wrapped
/// NegTokenInit (the NEGOTIATE response's hint) is in the seeds too. Documented error: <see cref="NtlmException"/>.
/// </summary>
public sealed class SpnegoTarget : IFuzzTarget
{
    private static readonly NtlmCredential Credential = NtlmCredential.Parse("user", "DOMAIN", "password");

    public string Name => "spnego";

    public string DocumentedErrors => nameof(NtlmException);

    public IReadOnlyList<byte[]> LoadSeeds() => SecurityTokenSeeds.SpnegoTokens();

    public byte[] Mutate(byte[] seed, IReadOnlyList<byte[]> seeds, Random random) => ByteMutator.Mutate(seed, seeds, random);

    public void Execute(byte[] input)
    {
        _ = SMBench.Compiler.Smb.NtlmIdentity.Find(input);
        var response = SpnegoToken.DecodeNegTokenResp(input);
        if (response.ResponseToken is { } token)
            _ = new NtlmClient(Credential, true, n => new byte[n], () => 0).Authenticate(token);
    }

    public bool IsDocumented(Exception e) => e is NtlmException;
}
