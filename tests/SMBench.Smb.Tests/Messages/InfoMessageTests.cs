using System.Text;
using SMBench.Smb.Messages;
using SMBench.Smb.Messages.Fscc;
using SMBench.Smb.Protocol;
using Xunit;
using static SMBench.Smb.Tests.Messages.Wire;

namespace SMBench.Smb.Tests.Messages;

public class InfoMessageTests
{
    private static readonly FileId Fid = new(5, 6);

    [Fact]
    public void Query_info_request_round_trips_on_spec_offsets()
    {
        var req = QueryInfoRequest.ForFile(Fid, FileInformationClass.FileStandardInformation, 4096) with { AdditionalInformation = 7 };
        var msg = Encode(req);
        Assert.Equal(64 + 41, msg.Length);
        Assert.Equal(41, U16(msg, 64));
        Assert.Equal(1, msg[66]);
        Assert.Equal(5, msg[67]);
        Assert.Equal(4096u, U32(msg, 68));
        Assert.Equal(7u, U32(msg, 64 + 16));
        Assert.Equal(5ul, U64(msg, 64 + 24));
        var parsed = QueryInfoRequest.Parse(msg);
        Assert.Equal(req.FileInfoClass, parsed.FileInfoClass);
        Assert.Equal(req.FileId, parsed.FileId);
        Assert.Equal(req.OutputBufferLength, parsed.OutputBufferLength);
        Assert.True(parsed.InputBuffer.IsEmpty);

        var withInput = Encode(req with { InputBuffer = new byte[] { 9, 8, 7 } });
        Assert.Equal(0x68, U16(withInput, 64 + 8));
        Assert.Equal(new byte[] { 9, 8, 7 }, QueryInfoRequest.Parse(withInput).InputBuffer.ToArray());
        var hostile = (byte[])withInput.Clone();
        Put32(hostile, 64 + 12, 0xFFFF_FFFF);
        Assert.Throws<SmbProtocolException>(() => QueryInfoRequest.Parse(hostile));
    }

    [Fact]
    public void Query_info_response_decodes_standard_and_network_open_information()
    {
        var std = new FileStandardInformation(8192, 5000, 1, false, true);
        var buffer = new byte[FileStandardInformation.Size];
        std.WriteTo(buffer);
        var msg = Encode(new QueryInfoResponse(buffer), response: true);
        Assert.Equal(0x48, U16(msg, 66));
        Assert.Equal(24u, U32(msg, 68));
        Assert.Equal(std, FileStandardInformation.Parse(QueryInfoResponse.Parse(msg).OutputBuffer));

        var net = new FileNetworkOpenInformation { CreationTime = 1, LastWriteTime = 3, AllocationSize = 4096, EndOfFile = 17, FileAttributes = SmbFileAttributes.Archive };
        var nb = new byte[FileNetworkOpenInformation.Size];
        net.WriteTo(nb);
        Assert.Equal(net, FileNetworkOpenInformation.Parse(nb));
        Assert.Throws<SmbProtocolException>(() => FileStandardInformation.Parse(buffer.AsSpan(0, 10)));

        var hostile = (byte[])msg.Clone();
        Put16(hostile, 66, 0xFFF0);
        Assert.Throws<SmbProtocolException>(() => QueryInfoResponse.Parse(hostile));
    }

    [Fact]
    public void Rename_information_type2_matches_the_fscc_layout()
    {
        var info = new FileRenameInformation(@"new\name.txt", ReplaceIfExists: true);
        var bytes = info.ToArray();
        Assert.Equal(20 + 24, bytes.Length);
        Assert.Equal(1, bytes[0]);
        Assert.Equal(0ul, U64(bytes, 8));               // RootDirectory
        Assert.Equal(24u, U32(bytes, 16));              // FileNameLength
        Assert.Equal(@"new\name.txt", Encoding.Unicode.GetString(bytes, 20, 24));
        Assert.Equal(info, FileRenameInformation.Parse(bytes));

        // A one-character name still yields the 24-byte minimum Windows sends.
        Assert.Equal(24, new FileRenameInformation("a").Length);

        var hostile = (byte[])bytes.Clone();
        Put32(hostile, 16, 0x7FFF_FFFF);
        Assert.Throws<SmbProtocolException>(() => FileRenameInformation.Parse(hostile));
    }

    [Fact]
    public void Set_info_request_carries_each_fscc_struct_and_decodes_it_back()
    {
        IFileInformation[] infos =
        [
            new FileRenameInformation("b.txt"),
            new FileDispositionInformation(),
            new FileEndOfFileInformation(123456),
            new FileAllocationInformation(1 << 20),
            new FileBasicInformation { CreationTime = 1, LastAccessTime = -1, LastWriteTime = 3, ChangeTime = 0, FileAttributes = SmbFileAttributes.Hidden },
        ];
        foreach (var info in infos)
        {
            var msg = Encode(SetInfoRequest.ForFile(Fid, info));
            Assert.Equal(33, U16(msg, 64));
            Assert.Equal(1, msg[66]);                                  // InfoType File
            Assert.Equal((byte)info.InformationClass, msg[67]);
            Assert.Equal((uint)info.Length, U32(msg, 68));             // BufferLength
            Assert.Equal(0x60, U16(msg, 72));                          // BufferOffset
            Assert.Equal(Fid.Persistent, U64(msg, 64 + 16));
            var parsed = SetInfoRequest.Parse(msg);
            Assert.Equal(info, parsed.GetFileInformation());
        }
        Assert.Equal(1, new FileDispositionInformation().Length);
        Assert.Equal(40, new FileBasicInformation().Length);
    }

    [Fact]
    public void Set_info_hostile_buffer_length_is_rejected_and_response_round_trips()
    {
        var msg = Encode(SetInfoRequest.ForFile(Fid, new FileEndOfFileInformation(1)));
        Put32(msg, 68, 1_000_000);
        Assert.Throws<SmbProtocolException>(() => SetInfoRequest.Parse(msg));
        var resp = Encode(new SetInfoResponse(), response: true);
        Assert.Equal(66, resp.Length);
        SetInfoResponse.Parse(resp);
        Assert.Throws<SmbProtocolException>(() => SetInfoResponse.Parse(resp.AsSpan(0, 65)));
    }

    [Fact]
    public void Windows_ex_classes_for_delete_and_rename_decode()
    {
        var rename = new FileRenameInformationEx(@"x\y.txt", FileRenameFlags.ReplaceIfExists | FileRenameFlags.PosixSemantics);
        var bytes = rename.ToArray();
        Assert.Equal(3u, U32(bytes, 0));
        Assert.Equal(14u, U32(bytes, 16));
        var req = SetInfoRequest.Parse(Encode(SetInfoRequest.ForFile(Fid, rename)));
        Assert.Equal(65, req.FileInfoClass);
        var back = Assert.IsType<FileRenameInformationEx>(req.GetFileInformation());
        Assert.Equal(rename, back);
        Assert.True(back.ReplaceIfExists);

        var delete = new FileDispositionInformationEx(FileDispositionFlags.Delete | FileDispositionFlags.PosixSemantics);
        var d = Assert.IsType<FileDispositionInformationEx>(SetInfoRequest.Parse(Encode(SetInfoRequest.ForFile(Fid, delete))).GetFileInformation());
        Assert.True(d.DeletePending);
        Assert.Equal(delete, d);
    }

    [Fact]
    public void File_all_information_decodes_even_with_a_cut_name()
    {
        var all = new FileAllInformation
        {
            BasicInformation = new FileBasicInformation { CreationTime = 5, FileAttributes = SmbFileAttributes.Archive },
            StandardInformation = new FileStandardInformation(4096, 100, 1, false, false),
            IndexNumber = 77,
            AccessFlags = FileAccessMask.GenericAll,
            FileName = @"\dir\file.txt",
        };
        var bytes = new byte[all.Length];
        all.WriteTo(bytes);
        Assert.Equal(100ul, U64(bytes, 48));           // StandardInformation.EndOfFile at 40 + 8
        Assert.Equal(77ul, U64(bytes, 64));
        var parsed = FileAllInformation.Parse(bytes);
        Assert.Equal(all.FileName, parsed.FileName);
        Assert.Equal(all.StandardInformation, parsed.StandardInformation);
        Assert.Equal(all.BasicInformation, parsed.BasicInformation);

        var cut = FileAllInformation.Parse(bytes.AsSpan(0, 104));
        Assert.Equal(@"\d", cut.FileName);
        Assert.Throws<SmbProtocolException>(() => FileAllInformation.Parse(bytes.AsSpan(0, 99)));

        var fs = new FileFsFullSizeInformation(1000, 500, 400, 8, 512);
        var fsBytes = new byte[FileFsFullSizeInformation.Size];
        fs.WriteTo(fsBytes);
        Assert.Equal(fs, FileFsFullSizeInformation.Parse(fsBytes));
        Assert.Equal(4096, fs.BytesPerAllocationUnit);
    }

    [Fact]
    public void Unmodelled_information_class_gives_null_not_an_exception()
    {
        var req = new SetInfoRequest { InfoType = InfoType.File, FileInfoClass = (byte)FileInformationClass.FileLinkInformation, FileId = Fid, Buffer = new byte[30] };
        Assert.Null(SetInfoRequest.Parse(Encode(req)).GetFileInformation());
    }
}
