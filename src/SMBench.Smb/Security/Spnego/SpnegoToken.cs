using System.Formats.Asn1;

namespace SMBench.Smb.Security.Spnego;

/// <summary>
/// The two SPNEGO tokens an NTLM login needs (RFC 4178): the initial GSS-API wrapped NegTokenInit carrying the NTLM
/// NEGOTIATE, and NegTokenResp both ways. DER via System.Formats.Asn1.
/// </summary>
public static class SpnegoToken
{
    public const string SpnegoOid = "1.3.6.1.5.5.2";
    public const string NtlmOid = "1.3.6.1.4.1.311.2.2.10";

    private static readonly Asn1Tag Application0 = new(TagClass.Application, 0, true);

    private static Asn1Tag Context(int n) => new(TagClass.ContextSpecific, n, true);

    /// <summary>GSS-API InitialContextToken { spnego OID, [0] NegTokenInit { [0] mechTypes, [2] mechToken } }.</summary>
    public static byte[] EncodeNegTokenInit(ReadOnlySpan<byte> mechToken)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence(Application0))
        {
            w.WriteObjectIdentifier(SpnegoOid);
            using (w.PushSequence(Context(0)))
            using (w.PushSequence())
            {
                using (w.PushSequence(Context(0)))
                using (w.PushSequence())
                    w.WriteObjectIdentifier(NtlmOid);
                using (w.PushSequence(Context(2)))
                    w.WriteOctetString(mechToken);
            }
        }
        return w.Encode();
    }

    /// <summary>[1] NegTokenResp { [2] responseToken } — how the client sends the AUTHENTICATE.</summary>
    public static byte[] EncodeNegTokenResp(ReadOnlySpan<byte> responseToken)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence(Context(1)))
        using (w.PushSequence())
        using (w.PushSequence(Context(2)))
            w.WriteOctetString(responseToken);
        return w.Encode();
    }

    /// <summary>Reads a server NegTokenResp (or, leniently, a raw NTLMSSP token some servers send).</summary>
    public static SpnegoResponse DecodeNegTokenResp(ReadOnlySpan<byte> token)
    {
        if (token.Length >= 8 && token[..8].SequenceEqual("NTLMSSP\0"u8))
            return new SpnegoResponse(null, null, token.ToArray());
        try
        {
            var outer = new AsnReader(token.ToArray(), AsnEncodingRules.BER);
            var choice = outer.ReadSequence(Context(1));
            var seq = choice.ReadSequence();
            int? state = null;
            string? mech = null;
            byte[]? response = null;
            while (seq.HasData)
            {
                var tag = seq.PeekTag();
                // Fields are [n] EXPLICIT; anything else (a universal tag, a primitive) is not a NegTokenResp and
                // would make ReadSequence throw ArgumentException instead of a content error.
                if (tag.TagClass != TagClass.ContextSpecific || !tag.IsConstructed)
                    throw new Ntlm.NtlmException($"malformed SPNEGO NegTokenResp from the server: unexpected field tag {tag}");
                var field = seq.ReadSequence(tag);
                switch (tag.TagValue)
                {
                    case 0: state = (int)field.ReadEnumeratedValue<NegState>(); break;
                    case 1: mech = field.ReadObjectIdentifier(); break;
                    case 2: response = field.ReadOctetString(); break;
                    default: break; // mechListMIC: we never ask for one
                }
            }
            return new SpnegoResponse(state is null ? null : (NegState)state, mech, response);
        }
        catch (AsnContentException e)
        {
            throw new Ntlm.NtlmException("malformed SPNEGO NegTokenResp from the server", e);
        }
    }
}

/// <summary>negState of a NegTokenResp.</summary>
public enum NegState
{
    AcceptCompleted = 0,
    AcceptIncomplete = 1,
    Reject = 2,
    RequestMic = 3,
}

public sealed record SpnegoResponse(NegState? State, string? SupportedMech, byte[]? ResponseToken);
