using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using SMBench.Smb.Transport;

namespace SMBench.Smb.Client;

public sealed partial class SmbConnection
{
    private int _validated;
    private ValidateNegotiateInfoRequest? _sentNegotiate;

    /// <summary>True once FSCTL_VALIDATE_NEGOTIATE_INFO confirmed the NEGOTIATE (3.0 / 3.0.2 only).</summary>
    public bool NegotiateValidated { get; private set; }

    /// <summary>
    /// FSCTL_VALIDATE_NEGOTIATE_INFO once per connection on 3.0/3.0.2 (§3.2.5.14.12): proves no one downgraded the
    /// NEGOTIATE. Never on 3.1.1 (preauth integrity replaces it and the server would disconnect).
    /// </summary>
    internal async Task ValidateNegotiateOnceAsync(SmbTree tree, CancellationToken ct)
    {
        if (!Options.ValidateNegotiate || _sentNegotiate == null || Dialect is not (SmbDialect.Smb300 or SmbDialect.Smb302)) return;
        if (tree.Session.IsGuest || Interlocked.Exchange(ref _validated, 1) != 0) return;
        byte[] output;
        try
        {
            output = await tree.IoctlAsync(FileId.Related, FsctlCodes.ValidateNegotiateInfo, _sentNegotiate.ToArray(), 24, ct)
                .ConfigureAwait(false);
        }
        catch (SmbStatusException e) when (e.Status == NtStatus.NotSupported || e.Status == NtStatus.InvalidDeviceRequest
                                           || e.Status == NtStatus.FileClosed)
        {
            return; // servers without the FSCTL answer this way; only a mismatch is an attack sign
        }
        var answer = ValidateNegotiateInfoResponse.Parse(output);
        if (answer.Dialect != Dialect || answer.Guid != Negotiated.ServerGuid || answer.SecurityMode != (ushort)Negotiated.SecurityMode
            || answer.Capabilities != (uint)Negotiated.Capabilities)
        {
            var failure = new SmbConnectionException($"VALIDATE_NEGOTIATE_INFO from {Host}:{Port} does not match the NEGOTIATE response");
            Transport.Abort(failure);
            throw failure;
        }
        NegotiateValidated = true;
    }

    private void RememberNegotiate(NegotiateRequest request)
        => _sentNegotiate = new ValidateNegotiateInfoRequest((uint)request.Capabilities, request.ClientGuid,
            (ushort)request.SecurityMode, request.Dialects);
}
