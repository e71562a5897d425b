using SMBench.Smb.Messages;
using SMBench.Smb.Messages.Fscc;
using SMBench.Smb.Protocol;
using Xunit;

namespace SMBench.Smb.Tests.Messages.Corpus;

/// <summary>
/// Decodes every SMB2 message of a capture with the codecs, the way the capture compiler will: walk compounds,
/// choose ERROR vs command layout, remember each request's information class by MessageId for its response.
/// </summary>
internal sealed class CorpusDecoder
{
    private readonly Dictionary<(string Flow, ulong MessageId), byte> _classByRequest = [];

    private readonly HashSet<(string Flow, ulong MessageId)> _rejected = [];

    /// <summary>Catch SmbProtocolException on requests (torture traffic) instead of failing; see RejectedButAcceptedByServer.</summary>
    public bool TolerateMalformedRequests { get; init; }

    public int RejectedRequests { get; private set; }

    public int UnknownCommands { get; private set; }

    /// <summary>Requests our parser rejected whose response nevertheless carried a non-error status.</summary>
    public List<string> RejectedButAcceptedByServer { get; } = [];

    public List<(Smb2Command Command, bool Response)> Headers { get; } = [];

    /// <summary>Headers whose body was neither decoded, skipped as setup, nor rejected — should stay empty.</summary>
    public List<string> Unaccounted { get; } = [];

    public List<string> CreateNames { get; } = [];

    public int Decoded { get; private set; }

    public int DirectoryEntries { get; private set; }

    /// <summary>Create-context tags seen, as "RqLs/req", "DH2Q/resp" …</summary>
    public HashSet<string> ContextTags { get; } = [];

    /// <summary>OPLOCK_BREAK layouts seen, as "Oplock/resp", "LeaseNotification/resp" …</summary>
    public HashSet<string> BreakKinds { get; } = [];

    /// <summary>NEGOTIATE, SESSION_SETUP and TREE_CONNECT bodies: decoded by the connection code, not here.</summary>
    public int SetupSkipped { get; private set; }

    public void Decode(PcapSmb2Messages.Pdu pdu)
    {
        var parts = Smb2Compound.Enumerate(pdu.Bytes);
        while (parts.MoveNext())
        {
            var message = parts.Current;
            var header = Smb2Header.Parse(message);
            Headers.Add((header.Command, header.IsResponse));
            var before = Decoded + SetupSkipped + RejectedRequests;
            if (header.IsResponse && _rejected.Remove((Reverse(pdu.Flow), header.MessageId)) && !header.Status.IsError)
                RejectedButAcceptedByServer.Add($"{header.Command} MessageId {header.MessageId}: server answered {header.Status}");
            try
            {
                DecodeBody(pdu.Flow, header, message);
            }
            catch (SmbProtocolException) when (TolerateMalformedRequests && !header.IsResponse)
            {
                RejectedRequests++;
                _rejected.Add((pdu.Flow, header.MessageId));
            }
            if (Decoded + SetupSkipped + RejectedRequests != before + 1)
                Unaccounted.Add($"{header.Command} {(header.IsResponse ? "response" : "request")} {header.Status} MessageId {header.MessageId}");
        }
    }

    private void DecodeBody(string flow, Smb2Header h, ReadOnlySpan<byte> m)
    {
        // Responses travel the reverse direction; key requests by the server-facing flow name.
        var requestFlow = h.IsResponse ? Reverse(flow) : flow;
        if (h.IsResponse && ErrorResponse.IsErrorResponse(h, m))
        {
            ErrorResponse.Parse(m);
            Decoded++;
            return;
        }
        switch (h.Command, h.IsResponse)
        {
            case (Smb2Command.Negotiate or Smb2Command.SessionSetup or Smb2Command.TreeConnect, _):
                SetupSkipped++;
                return;
            case (Smb2Command.Create, false):
                var create = CreateRequest.Parse(m);
                CreateNames.Add(create.Name);
                foreach (var c in create.CreateContexts) ContextTags.Add(c.Name + "/req");
                AssertReencodes(create);
                break;
            case (Smb2Command.Create, true):
                foreach (var c in CreateResponse.Parse(m).CreateContexts) ContextTags.Add(c.Name + "/resp");
                break;
            case (Smb2Command.Close, false): CloseRequest.Parse(m); break;
            case (Smb2Command.Close, true): CloseResponse.Parse(m); break;
            case (Smb2Command.Flush, false): FlushRequest.Parse(m); break;
            case (Smb2Command.Flush, true): FlushResponse.Parse(m); break;
            case (Smb2Command.Read, false): ReadRequest.Parse(m); break;
            case (Smb2Command.Read, true): ReadResponse.Parse(m); break;
            case (Smb2Command.Write, false): WriteRequest.Parse(m); break;
            case (Smb2Command.Write, true): WriteResponse.Parse(m); break;
            case (Smb2Command.Lock, false): LockRequest.Parse(m); break;
            case (Smb2Command.Lock, true): LockResponse.Parse(m); break;
            case (Smb2Command.Echo, false): EchoRequest.Parse(m); break;
            case (Smb2Command.Echo, true): EchoResponse.Parse(m); break;
            case (Smb2Command.Cancel, false): CancelRequest.Parse(m); break;
            case (Smb2Command.Logoff, false): LogoffRequest.Parse(m); break;
            case (Smb2Command.Logoff, true): LogoffResponse.Parse(m); break;
            case (Smb2Command.TreeDisconnect, false): TreeDisconnectRequest.Parse(m); break;
            case (Smb2Command.TreeDisconnect, true): TreeDisconnectResponse.Parse(m); break;
            case (Smb2Command.ChangeNotify, false): ChangeNotifyRequest.Parse(m); break;
            case (Smb2Command.ChangeNotify, true): ChangeNotifyResponse.Parse(m).Changes(); break;
            case (Smb2Command.Ioctl, false):
                var ioctl = IoctlRequest.Parse(m);
                if (ioctl.CtlCode == FsctlCodes.ValidateNegotiateInfo) ValidateNegotiateInfoRequest.Parse(ioctl.Input);
                break;
            case (Smb2Command.Ioctl, true):
                var ioctlResponse = IoctlResponse.Parse(m);
                if (ioctlResponse.CtlCode == FsctlCodes.ValidateNegotiateInfo) ValidateNegotiateInfoResponse.Parse(ioctlResponse.Output);
                break;
            case (Smb2Command.QueryInfo, false):
                var qi = QueryInfoRequest.Parse(m);
                _classByRequest[(requestFlow, h.MessageId)] = qi.InfoType == InfoType.File ? qi.FileInfoClass : (byte)0;
                break;
            case (Smb2Command.QueryInfo, true):
                var output = QueryInfoResponse.Parse(m).OutputBuffer;
                if (_classByRequest.TryGetValue((requestFlow, h.MessageId), out var infoClass) && h.Status.IsSuccess)
                {
                    if (infoClass == (byte)FileInformationClass.FileStandardInformation) FileStandardInformation.Parse(output);
                    if (infoClass == (byte)FileInformationClass.FileNetworkOpenInformation) FileNetworkOpenInformation.Parse(output);
                    if (infoClass == (byte)FileInformationClass.FileBasicInformation) FileBasicInformation.Parse(output);
                }
                break;
            case (Smb2Command.SetInfo, false): SetInfoRequest.Parse(m).GetFileInformation(); break;
            case (Smb2Command.SetInfo, true): SetInfoResponse.Parse(m); break;
            case (Smb2Command.QueryDirectory, false):
                var qd = QueryDirectoryRequest.Parse(m);
                _classByRequest[(requestFlow, h.MessageId)] = (byte)qd.FileInformationClass;
                break;
            case (Smb2Command.QueryDirectory, true):
                var listing = QueryDirectoryResponse.Parse(m);
                if (_classByRequest.TryGetValue((requestFlow, h.MessageId), out var dirClass) && DirectoryInformation.IsSupported((FileInformationClass)dirClass))
                {
                    foreach (var _ in listing.Entries((FileInformationClass)dirClass)) DirectoryEntries++;
                }
                break;
            case (Smb2Command.OplockBreak, _):
                BreakKinds.Add($"{OplockBreakClassifier.Classify(m)}/{(h.IsResponse ? "resp" : "req")}");
                switch (OplockBreakClassifier.Classify(m))
                {
                    case OplockBreakKind.Oplock: OplockBreakNotification.Parse(m); break;
                    case OplockBreakKind.LeaseNotification: LeaseBreakNotification.Parse(m); break;
                    default: LeaseBreakAcknowledgment.Parse(m); break;
                }
                break;
            default:
                UnknownCommands++; // not an SMB2 command code: a compiler counts it as skipped
                return;
        }
        Decoded++;
    }

    private static void AssertReencodes(CreateRequest create)
    {
        var buffer = new byte[Smb2Header.Size + create.BodyLength];
        new Smb2Header { Command = Smb2Command.Create }.WriteTo(buffer);
        create.WriteTo(buffer);
        var again = CreateRequest.Parse(buffer);
        Assert.Equal(create with { CreateContexts = again.CreateContexts }, again);
        Assert.Equal(create.CreateContexts.Count, again.CreateContexts.Count);
        for (var i = 0; i < create.CreateContexts.Count; i++)
        {
            Assert.Equal(create.CreateContexts[i].Name, again.CreateContexts[i].Name);
            Assert.Equal(create.CreateContexts[i].DataLength, again.CreateContexts[i].DataLength);
        }
    }

    private static string Reverse(string flow)
    {
        var parts = flow.Split('>');
        return $"{parts[1]}>{parts[0]}";
    }
}
