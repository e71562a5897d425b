using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;
using SMBench.Smb.Transport;

namespace SMBench.Smb.Client;

public sealed partial class SmbFile
{
    /// <summary>An FSCTL on this open; returns the output buffer.</summary>
    public Task<byte[]> IoctlAsync(uint ctlCode, ReadOnlyMemory<byte> input, uint maxOutputResponse = 65536, CancellationToken cancellationToken = default)
        => Tree.IoctlAsync(FileId, ctlCode, input, maxOutputResponse, cancellationToken);
}

public sealed partial class SmbTree
{
    /// <summary>IOCTL/FSCTL on a FileId (all 0xFF for requests not tied to an open, such as VALIDATE_NEGOTIATE_INFO).</summary>
    public async Task<byte[]> IoctlAsync(FileId fileId, uint ctlCode, ReadOnlyMemory<byte> input, uint maxOutputResponse = 65536,
        CancellationToken cancellationToken = default)
    {
        // IoctlRequest holds spans, so the body is laid out once here and copied into the send buffer.
        var message = BuildIoctl(fileId, ctlCode, input.Span, maxOutputResponse);
        var request = new Smb2Request(Smb2Command.Ioctl, message.Length - Smb2Header.Size,
            m => message.AsSpan(Smb2Header.Size).CopyTo(m[Smb2Header.Size..]))
        {
            SessionId = Session.SessionId,
            TreeId = TreeId,
            Encrypt = EncryptData,
            // VALIDATE_NEGOTIATE_INFO is always signed: unsigned it proves nothing, and servers drop the connection.
            Sign = Session.SignRequests || ctlCode == FsctlCodes.ValidateNegotiateInfo,
            ExpectedResponseLength = (int)maxOutputResponse,
        };
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Status != NtStatus.Success && response.Status != NtStatus.BufferOverflow)
            throw new SmbStatusException(response.Status, Smb2Command.Ioctl, $"0x{ctlCode:x8}");
        return IoctlResponse.Parse(response.Message).Output.ToArray();
    }

    private static byte[] BuildIoctl(FileId fileId, uint ctlCode, ReadOnlySpan<byte> input, uint maxOutputResponse)
    {
        var ioctl = new IoctlRequest
        {
            CtlCode = ctlCode,
            FileId = fileId,
            Input = input,
            MaxOutputResponse = maxOutputResponse,
            Flags = IoctlRequest.IsFsctl,
        };
        var message = new byte[Smb2Header.Size + ioctl.BodyLength];
        ioctl.WriteTo(message);
        return message;
    }
}
