using System.Buffers;
using SMBench.Smb.Messages;
using SMBench.Smb.Messages.Fscc;
using SMBench.Smb.Protocol;
using SMBench.Smb.Security.Encryption;
using SMBench.Smb.Security.Ntlm;
using SMBench.Smb.Security.Spnego;
using SMBench.Smb.Transport;

namespace SMBench.Bench.Fuzz.Targets;

/// <summary>
/// The SMB2 message codecs one by one, on the SMB2 messages of the shared corpus: every response parser the client
/// runs on what a (possibly hostile) server sends — header, ERROR with contexts, NEGOTIATE with contexts,
/// SESSION_SETUP with its SPNEGO token, CREATE with contexts, QUERY_DIRECTORY entries of each class, QUERY_INFO
/// structures, CHANGE_NOTIFY chains, IOCTL with VALIDATE_NEGOTIATE_INFO, break notifications, transform header — and
/// the request parsers; and byte streams through direct-TCP framing and compound splitting first. Documented errors: <see cref="SmbProtocolException"/> and, for the security token,
/// <see cref="NtlmException"/>.
/// </summary>
public sealed class SmbCodecTarget : IFuzzTarget
{
    private static readonly FileInformationClass[] DirectoryClasses =
    [
        FileInformationClass.FileDirectoryInformation, FileInformationClass.FileFullDirectoryInformation,
        FileInformationClass.FileBothDirectoryInformation, FileInformationClass.FileNamesInformation,
        FileInformationClass.FileIdBothDirectoryInformation, FileInformationClass.FileIdFullDirectoryInformation,
    ];

    public string Name => "smb-codecs";

    public string DocumentedErrors => $"{nameof(SmbProtocolException)}, {nameof(SmbConnectionException)} (framing), {nameof(NtlmException)} (security token)";

    public IReadOnlyList<byte[]> LoadSeeds()
    {
        var all = FuzzCorpus.SmbMessages();
        var messages = all.Where(m => m.Length >= Smb2Header.Size && Smb2Header.HasProtocolId(m)).ToList();
        var seeds = new List<byte[]>(all);
        // Receive-path seeds: direct-TCP streams of one to three frames, some of them compounds of two messages.
        var random = new Random(7);
        for (var i = 0; i < Math.Min(200, messages.Count); i++)
        {
            var stream = new List<byte>();
            for (var f = random.Next(1, 4); f > 0; f--)
            {
                var frame = random.Next(3) == 0
                    ? Smb2Compound.Build([messages[random.Next(messages.Count)], messages[random.Next(messages.Count)]])
                    : messages[random.Next(messages.Count)];
                var prefix = new byte[DirectTcpFraming.PrefixLength];
                DirectTcpFraming.WritePrefix(prefix, frame.Length);
                stream.AddRange(prefix);
                stream.AddRange(frame);
            }
            seeds.Add([.. stream]);
        }
        return seeds;
    }

    public byte[] Mutate(byte[] seed, IReadOnlyList<byte[]> seeds, Random random)
    {
        var mutated = ByteMutator.Mutate(seed, seeds, random);
        // Mostly keep the header's protocol id, command and response flag so the body reaches its own parser.
        if (random.Next(6) != 0 && mutated.Length >= 17 && seed.Length >= 17)
        {
            seed.AsSpan(0, 6).CopyTo(mutated);
            seed.AsSpan(12, 2).CopyTo(mutated.AsSpan(12));
            mutated[16] = (byte)(mutated[16] & ~1 | seed[16] & 1);
        }
        return mutated;
    }

    public void Execute(byte[] input)
    {
        if (input.Length > 0 && input[0] == 0)
        {
            // A byte stream as the transport reads it: frames, then the compound chain inside each frame.
            var buffer = new ReadOnlySequence<byte>(input);
            while (DirectTcpFraming.TryReadFrame(ref buffer, out var frame))
            {
                var bytes = frame.ToArray();
                if (Smb2TransformHeader.IsTransform(bytes) || !Smb2Header.HasProtocolId(bytes))
                {
                    ExecuteMessage(bytes);
                    continue;
                }
                foreach (var part in Smb2Compound.Enumerate(bytes)) ExecuteMessage(part.ToArray());
            }
            return;
        }
        ExecuteMessage(input);
    }

    private static void ExecuteMessage(byte[] input)
    {
        if (Smb2TransformHeader.IsTransform(input) && input.Length >= Smb2TransformHeader.Length)
        {
            _ = Smb2TransformHeader.Parse(input);
            return;
        }
        var header = Smb2Header.Parse(input);
        if (!header.IsResponse)
        {
            ParseRequest(header.Command, input);
            return;
        }
        if (ErrorResponse.IsErrorResponse(header, input))
        {
            _ = ErrorResponse.Parse(input).Contexts();
            return;
        }
        ParseResponse(header.Command, input);
    }

    public bool IsDocumented(Exception e) => e is SmbProtocolException or SmbConnectionException or NtlmException;

    private static void ParseResponse(Smb2Command command, byte[] m)
    {
        switch (command)
        {
            case Smb2Command.Negotiate:
                var negotiate = NegotiateResponse.Parse(m);
                _ = (negotiate.Cipher, negotiate.SigningAlgorithm);
                if (negotiate.SecurityBuffer.Length > 0) _ = SpnegoTokenInit(negotiate.SecurityBuffer);
                break;
            case Smb2Command.SessionSetup:
                var setup = SessionSetupResponse.Parse(m);
                if (setup.SecurityBuffer.Length > 0 && SpnegoToken.DecodeNegTokenResp(setup.SecurityBuffer).ResponseToken is { } token)
                    _ = NtlmChallengeMessage.Parse(token).Timestamp;
                break;
            case Smb2Command.TreeConnect: _ = TreeConnectResponse.Parse(m); break;
            case Smb2Command.Create: _ = CreateResponse.Parse(m).CreateContexts.Count; break;
            case Smb2Command.Close: _ = CloseResponse.Parse(m); break;
            case Smb2Command.Flush: _ = FlushResponse.Parse(m); break;
            case Smb2Command.Read: _ = ReadResponse.Parse(m); break;
            case Smb2Command.Write: _ = WriteResponse.Parse(m); break;
            case Smb2Command.Lock: _ = LockResponse.Parse(m); break;
            case Smb2Command.Echo: _ = EchoResponse.Parse(m); break;
            case Smb2Command.Logoff: _ = LogoffResponse.Parse(m); break;
            case Smb2Command.TreeDisconnect: _ = TreeDisconnectResponse.Parse(m); break;
            case Smb2Command.SetInfo: _ = SetInfoResponse.Parse(m); break;
            case Smb2Command.Ioctl:
                var ioctl = IoctlResponse.Parse(m);
                if (ioctl.Output.Length >= ValidateNegotiateInfoResponse.Length) _ = ValidateNegotiateInfoResponse.Parse(ioctl.Output);
                break;
            case Smb2Command.QueryDirectory:
                var dir = QueryDirectoryResponse.Parse(m);
                foreach (var cls in DirectoryClasses) _ = DirectoryInformation.ToList(cls, dir.OutputBuffer);
                break;
            case Smb2Command.ChangeNotify: _ = ChangeNotifyResponse.Parse(m).Changes(); break;
            case Smb2Command.QueryInfo: QueryInfoStructures(QueryInfoResponse.Parse(m).OutputBuffer); break;
            case Smb2Command.OplockBreak:
                if (m.Length >= Smb2Header.Size + 2 && m[Smb2Header.Size] == 44) _ = LeaseBreakNotification.Parse(m);
                else _ = OplockBreakNotification.Parse(m);
                break;
        }
    }

    // What the client reads out of QUERY_INFO buffers; each parser must cope with any buffer.
    private static void QueryInfoStructures(ReadOnlySpan<byte> b)
    {
        Try(b, x => FileAllInformation.Parse(x));
        Try(b, x => FileBasicInformation.Parse(x));
        Try(b, x => FileStandardInformation.Parse(x));
        Try(b, x => FileNetworkOpenInformation.Parse(x));
        Try(b, x => FileFsFullSizeInformation.Parse(x));
        Try(b, x => FileEndOfFileInformation.Parse(x));
        Try(b, x => FileAllocationInformation.Parse(x));
        Try(b, x => FileRenameInformation.Parse(x));
        Try(b, x => FileDispositionInformation.Parse(x));
    }

    private delegate object ParseSpan(ReadOnlySpan<byte> buffer);

    private static void Try(ReadOnlySpan<byte> buffer, ParseSpan parse)
    {
        try
        {
            _ = parse(buffer);
        }
        catch (SmbProtocolException)
        {
            // Documented; go on with the next structure.
        }
    }

    private static object SpnegoTokenInit(byte[] token)
    {
        // The client does not act on the NEGOTIATE hint; the compiler's identity scan runs over every buffer.
        return SMBench.Compiler.Smb.NtlmIdentity.Find(token) ?? (object)token.Length;
    }

    private static void ParseRequest(Smb2Command command, byte[] m)
    {
        switch (command)
        {
            case Smb2Command.Create: _ = CreateRequest.Parse(m).CreateContexts.Count; break;
            case Smb2Command.Close: _ = CloseRequest.Parse(m); break;
            case Smb2Command.Flush: _ = FlushRequest.Parse(m); break;
            case Smb2Command.Read: _ = ReadRequest.Parse(m); break;
            case Smb2Command.Write: _ = WriteRequest.Parse(m); break;
            case Smb2Command.Lock: _ = LockRequest.Parse(m); break;
            case Smb2Command.Ioctl:
                var ioctl = IoctlRequest.Parse(m);
                if (ioctl.Input.Length > 0) Try(ioctl.Input, x => ValidateNegotiateInfoRequest.Parse(x));
                break;
            case Smb2Command.Cancel: _ = CancelRequest.Parse(m); break;
            case Smb2Command.Echo: _ = EchoRequest.Parse(m); break;
            case Smb2Command.QueryDirectory: _ = QueryDirectoryRequest.Parse(m); break;
            case Smb2Command.ChangeNotify: _ = ChangeNotifyRequest.Parse(m); break;
            case Smb2Command.QueryInfo: _ = QueryInfoRequest.Parse(m); break;
            case Smb2Command.SetInfo:
                var set = SetInfoRequest.Parse(m);
                if (set.InfoType == InfoType.File) _ = FileInformation.ParseForSet((FileInformationClass)set.FileInfoClass, set.Buffer.Span);
                break;
            case Smb2Command.TreeDisconnect: _ = TreeDisconnectRequest.Parse(m); break;
            case Smb2Command.Logoff: _ = LogoffRequest.Parse(m); break;
            case Smb2Command.OplockBreak:
                if (m.Length >= Smb2Header.Size + 2 && m[Smb2Header.Size] == 36) _ = LeaseBreakAcknowledgment.Parse(m);
                else _ = OplockBreakAcknowledgment.Parse(m);
                break;
        }
    }
}
