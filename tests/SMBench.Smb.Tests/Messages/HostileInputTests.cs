using SMBench.Smb.Messages;
using SMBench.Smb.Messages.CreateContexts;
using SMBench.Smb.Messages.Fscc;
using SMBench.Smb.Protocol;
using Xunit;
using static SMBench.Smb.Tests.Messages.Wire;

namespace SMBench.Smb.Tests.Messages;

/// <summary>
/// Mutates valid messages (random bytes, extreme 16/32-bit values at random offsets, truncation) and requires every
/// parser to either succeed or throw <see cref="SmbProtocolException"/> — never IndexOutOfRange, ArgumentOutOfRange,
/// OverflowException or OutOfMemory. Deterministic seed so a failure reproduces.
/// </summary>
public class HostileInputTests
{
    private static readonly FileId Fid = new(1, 2);

    public static TheoryData<string> Codecs => new(Samples().Select(s => s.Name));

    private static IEnumerable<(string Name, byte[] Message, Action<byte[]> Parse)> Samples()
    {
        var dirEntries = new DirectoryEntry[] { new() { FileName = "a.txt", ShortName = "A.TXT" }, new() { FileName = "bb" } };
        var dirBuffer = new byte[DirectoryInformation.GetLength(FileInformationClass.FileIdBothDirectoryInformation, dirEntries)];
        DirectoryInformation.Write(FileInformationClass.FileIdBothDirectoryInformation, dirEntries, dirBuffer);

        yield return ("CreateRequest", Encode(new CreateRequest
        {
            Name = @"d\f",
            CreateContexts =
            [
                new LeaseContext { LeaseKey = Guid.NewGuid(), Version = 2 }, new DurableHandleRequestV2(1, 0, Guid.NewGuid()),
                new MaximalAccessRequest(5), new DurableHandleReconnectV2(Fid, Guid.NewGuid(), 0), new RawCreateContext("XyZw", [1]),
            ],
        }), b => CreateRequest.Parse(b));
        yield return ("CreateResponse", Encode(new CreateResponse
        {
            CreateContexts = [new MaximalAccessResponse(NtStatus.Success, 0), new QueryOnDiskIdResponse(1, 2), new DurableHandleResponseV2(1, 0)],
        }, true), b => CreateResponse.Parse(b));
        yield return ("CloseResponse", Encode(new CloseResponse(), true), b => CloseResponse.Parse(b));
        yield return ("ReadRequest", Encode(new ReadRequest { FileId = Fid }), b => ReadRequest.Parse(b));
        yield return ("ReadResponse", Encode(new ReadResponse(new byte[40]), true), b => ReadResponse.Parse(b));
        yield return ("WriteRequest", Encode(new WriteRequest(Fid, 0, new byte[40])), b => WriteRequest.Parse(b));
        yield return ("WriteResponse", Encode(new WriteResponse { Count = 1 }, true), b => WriteResponse.Parse(b));
        yield return ("QueryInfoRequest", Encode(QueryInfoRequest.ForFile(Fid, FileInformationClass.FileAllInformation, 100) with { InputBuffer = new byte[8] }), b => QueryInfoRequest.Parse(b));
        yield return ("QueryInfoResponse", Encode(new QueryInfoResponse(new byte[24]), true), b => FileStandardInformation.Parse(QueryInfoResponse.Parse(b).OutputBuffer));
        yield return ("SetInfoRequest", Encode(SetInfoRequest.ForFile(Fid, new FileRenameInformation("x\\y"))), b => SetInfoRequest.Parse(b).GetFileInformation());
        yield return ("QueryDirectoryRequest", Encode(new QueryDirectoryRequest { FileName = "*", FileId = Fid }), b => QueryDirectoryRequest.Parse(b));
        yield return ("QueryDirectoryResponse", Encode(new QueryDirectoryResponse(dirBuffer), true),
            b => DirectoryInformation.ToList(FileInformationClass.FileIdBothDirectoryInformation, QueryDirectoryResponse.Parse(b).OutputBuffer));
        yield return ("LockRequest", Encode(new LockRequest { FileId = Fid, Locks = [new(0, 1, LockFlags.SharedLock), new(5, 1, LockFlags.Unlock)] }), b => LockRequest.Parse(b));
        yield return ("IoctlRequest", Encode(new IoctlRequest
        {
            CtlCode = FsctlCodes.ValidateNegotiateInfo,
            Input = new ValidateNegotiateInfoRequest(0, Guid.Empty, 0, [SmbDialect.Smb300, SmbDialect.Smb302]).ToArray(),
        }), b => ValidateNegotiateInfoRequest.Parse(IoctlRequest.Parse(b).Input));
        yield return ("IoctlResponse", Encode(new IoctlResponse { Input = new byte[3], Output = new byte[24] }, true), b => ValidateNegotiateInfoResponse.Parse(IoctlResponse.Parse(b).Output));
        yield return ("ChangeNotifyResponse", Encode(new ChangeNotifyResponse(FileNotifyInformation.ToArray([new(FileAction.Added, "a"), new(FileAction.Removed, "bcd")])), true),
            b => ChangeNotifyResponse.Parse(b).Changes());
        yield return ("ErrorResponse", Encode(new ErrorResponse(Smb2Command.Create, ErrorContext.ToArray([new(0, [1, 2]), new(1, new byte[9])]), 2), true),
            b => ErrorResponse.Parse(b).Contexts());
        var all = new FileAllInformation { BasicInformation = new FileBasicInformation(), FileName = "name.txt" };
        var allBytes = new byte[all.Length];
        all.WriteTo(allBytes);
        yield return ("FileAllInformation", Encode(new QueryInfoResponse(allBytes), true), b => FileAllInformation.Parse(QueryInfoResponse.Parse(b).OutputBuffer));
        yield return ("SetInfoRenameEx", Encode(SetInfoRequest.ForFile(Fid, new FileRenameInformationEx("a\\b", FileRenameFlags.ReplaceIfExists))), b => SetInfoRequest.Parse(b).GetFileInformation());
        yield return ("LeaseBreakNotification", Encode(new LeaseBreakNotification { LeaseKey = Guid.NewGuid() }, true), b => LeaseBreakNotification.Parse(b));
        yield return ("OplockBreak", Encode(new OplockBreakNotification(Fid, OplockLevel.LevelII), true), b => OplockBreakClassifier.Classify(b));
        yield return ("Compound", Smb2Compound.Build([Encode(new EchoRequest()), Encode(new CloseRequest(Fid)), Encode(new FlushRequest(Fid))]),
            b => Smb2Compound.CountParts(b));
    }

    [Theory]
    [MemberData(nameof(Codecs))]
    public void Mutated_messages_fail_only_with_protocol_exceptions(string codec)
    {
        var (_, message, parse) = Samples().Single(s => s.Name == codec);
        parse(message); // the unmutated sample is valid
        var random = new Random(codec.Aggregate(0x5EED, (h, c) => (h * 31) + c));
        var rejected = 0;
        for (var i = 0; i < 3000; i++)
        {
            var mutated = Mutate(message, random);
            try
            {
                parse(mutated);
            }
            catch (SmbProtocolException)
            {
                rejected++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"{codec}: mutation {i} threw {ex.GetType().Name}: {ex.Message}\n{Convert.ToHexString(mutated)}");
            }
        }
        Assert.True(rejected > 0, $"{codec}: no mutation was rejected; the parser checks nothing");
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var m = (byte[])original.Clone();
        switch (random.Next(4))
        {
            case 0: // a few random bytes in the body
                for (var k = random.Next(1, 4); k > 0; k--) m[random.Next(64, m.Length)] = (byte)random.Next(256);
                return m;
            case 1: // an extreme 32-bit value where an offset/length might be
            {
                var at = random.Next(64, m.Length - 3);
                Put32(m, at, random.Next(3) switch { 0 => uint.MaxValue, 1 => 0x8000_0000, _ => (uint)random.Next(m.Length * 2) });
                return m;
            }
            case 2: // an extreme 16-bit value
            {
                var at = random.Next(64, m.Length - 1);
                Put16(m, at, random.Next(2) == 0 ? 0xFFFF : random.Next(m.Length * 2));
                return m;
            }
            default: // truncate
                return m.AsSpan(0, random.Next(m.Length)).ToArray();
        }
    }
}
