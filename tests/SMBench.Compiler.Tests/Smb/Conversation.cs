using System.Buffers.Binary;
using System.Net;
using SMBench.Compiler.Mapping;
using SMBench.Compiler.Smb;
using SMBench.Compiler.Tcp;
using SMBench.Core.Ir;
using SMBench.Smb.Messages;
using SMBench.Smb.Protocol;

namespace SMBench.Compiler.Tests.Smb;

/// <summary>
/// Feeds hand-built SMB2 messages (made with SMBench.Smb's codecs) straight into a connection decoder, as the
/// framer would, then completes the workload so tests can read the operations back.
/// </summary>
internal sealed class Conversation : IDisposable
{
    public const uint TreeId = 7;
    public const ulong SessionId = 0x55;
    private static readonly TcpEndpoint Client = new(IPAddress.Parse("10.1.1.1"), 50000);
    private static readonly TcpEndpoint Server = new(IPAddress.Parse("10.1.1.2"), 445);
    private readonly WorkloadWriter _writer;
    private readonly SmbConnectionDecoder _decoder;
    private long _clock = 1_000_000;

    public Conversation()
    {
        Dir = TestPaths.NewTempDir("conversation");
        _writer = new WorkloadWriter(Dir);
        Session = new CompileSession(new CompileOptions { InputPath = "test", OutputDirectory = Dir, Payload = PayloadMode.Synthetic }, _writer, null)
        {
            BaseTimestampUs = 1_000_000,
        };
        _decoder = new SmbConnectionDecoder(1, Session);
        // A disk share, so the ops below are file I/O.
        Request(1, new TreeConnectRequest(@"\\server\data"));
        Response(1, Smb2Command.TreeConnect, TreeConnectResponseBody(1));
    }

    public string Dir { get; }

    public CompileSession Session { get; }

    public static byte[] Part<T>(T body, ulong messageId, bool response = false, NtStatus? status = null, Smb2Flags extraFlags = 0, ulong asyncId = 0)
        where T : ISmb2Message, allows ref struct
    {
        var buffer = new byte[Smb2Compound.Align(Smb2Header.Size + body.BodyLength)];
        new Smb2Header
        {
            Command = body.Command, MessageId = messageId, TreeId = TreeId, SessionId = SessionId, AsyncId = asyncId,
            Flags = (response ? Smb2Flags.ServerToRedir : 0) | extraFlags, Status = status ?? NtStatus.Success,
        }.WriteTo(buffer);
        body.WriteTo(buffer);
        return buffer;
    }

    public void Request<T>(ulong messageId, T body) where T : ISmb2Message, allows ref struct
        => Send(Client, Server, Part(body, messageId));

    public void Response<T>(ulong messageId, T body, NtStatus? status = null) where T : ISmb2Message, allows ref struct
        => Send(Server, Client, Part(body, messageId, response: true, status));

    public void Response(ulong messageId, Smb2Command command, byte[] body)
    {
        var buffer = new byte[Smb2Header.Size + body.Length];
        new Smb2Header { Command = command, MessageId = messageId, TreeId = TreeId, SessionId = SessionId, Flags = Smb2Flags.ServerToRedir }.WriteTo(buffer);
        body.CopyTo(buffer, Smb2Header.Size);
        Send(Server, Client, buffer);
    }

    /// <summary>Parts chained into one compound message (NextCommand set, related flag on all but the first).</summary>
    public void Compound(bool fromServer, params byte[][] parts)
    {
        for (var i = 1; i < parts.Length; i++)
        {
            var flags = BinaryPrimitives.ReadUInt32LittleEndian(parts[i].AsSpan(16));
            BinaryPrimitives.WriteUInt32LittleEndian(parts[i].AsSpan(16), flags | (uint)Smb2Flags.RelatedOperations);
        }
        var message = Smb2Compound.Build(parts.Select(p => (ReadOnlyMemory<byte>)p).ToList());
        if (fromServer) Send(Server, Client, message);
        else Send(Client, Server, message);
    }

    public void Send(TcpEndpoint from, TcpEndpoint to, byte[] message)
    {
        _clock += 1000;
        _decoder.OnMessage(from, to, message, _clock, _clock);
    }

    public void SendRaw(bool fromServer, byte[] message) => Send(fromServer ? Server : Client, fromServer ? Client : Server, message);

    public List<IrOperation> Finish()
    {
        _decoder.OnClosed(0);
        Session.Sequencer.Drain();
        var clients = Session.Clients.Describe(Session.OpsPerClient);
        var metadata = new WorkloadMetadata { Source = "test" };
        _writer.Complete(metadata, clients);
        if (Session.BreakResponses.Count > 0) BreakPatcher.Patch(Dir, Session.BreakResponses, metadata, clients);
        return WorkloadReader.Open(Dir).ReadOperations().ToList();
    }

    public static byte[] TreeConnectResponseBody(byte shareType)
    {
        var body = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(body, 16);
        body[2] = shareType;
        return body;
    }

    public void Dispose()
    {
        _writer.Dispose();
        Directory.Delete(Dir, true);
    }
}
