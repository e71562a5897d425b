using PacketDotNet;
using SMBench.Compiler.Tcp;

namespace SMBench.Compiler.Capture;

/// <summary>Why a frame carried no usable TCP segment (counted in the compile report).</summary>
public enum FrameSkipReason
{
    None,
    NotTcp,
    IpFragment,
    Malformed,
    UnsupportedLinkLayer,
}

/// <summary>
/// Decodes the link, IP and TCP headers of a frame with PacketDotNet (Ethernet, VLAN, Linux cooked SLL/SLL2,
/// raw IP, IPv4/IPv6). IP fragments are not reassembled: SMB clients send TCP segments that fit the MTU, and
/// holding fragment state is the classic way to exhaust a decoder's memory.
/// </summary>
public static class TcpSegmentExtractor
{
    public static FrameSkipReason TryExtract(in CaptureFrame frame, out TcpSegment segment)
    {
        segment = default;
        Packet packet;
        try
        {
            packet = Packet.ParsePacket(frame.LinkLayer, frame.Data);
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidOperationException
                                      or NotImplementedException or OverflowException or NullReferenceException
                                      or EndOfStreamException)
        {
            // EndOfStreamException: link layers read with a BinaryReader (radiotap, PPI) cut short.
            return frame.LinkLayer is LinkLayers.Ethernet or LinkLayers.LinuxSll or LinkLayers.LinuxSll2
                or LinkLayers.Raw or LinkLayers.IPv4 or LinkLayers.IPv6 or LinkLayers.Null or LinkLayers.Loop
                ? FrameSkipReason.Malformed
                : FrameSkipReason.UnsupportedLinkLayer;
        }
        try
        {
            var ip = packet.Extract<IPPacket>();
            if (ip == null) return FrameSkipReason.NotTcp;
            if (ip is IPv4Packet v4 && ((v4.FragmentFlags & 0x1) != 0 || v4.FragmentOffset != 0))
                return FrameSkipReason.IpFragment;
            if (ip.Protocol == ProtocolType.IPv6FragmentHeader) return FrameSkipReason.IpFragment;
            if (ip.PayloadPacket is not TcpPacket tcp) return FrameSkipReason.NotTcp;

            var headerBytes = tcp.DataOffset * 4;
            if (headerBytes < 20) return FrameSkipReason.Malformed;
            // The IP length is the truth: Ethernet pads short frames, and the snap length may cut long ones.
            var declared = ip.PayloadLength - headerBytes;
            if (ip is IPv4Packet v4b) declared = v4b.TotalLength - v4b.HeaderLength * 4 - headerBytes;
            if (declared < 0) return FrameSkipReason.Malformed;
            var seg = tcp.PayloadDataSegment;
            var present = seg == null ? 0 : Math.Min(seg.Length, declared);
            var payload = present == 0 ? ArraySegment<byte>.Empty : new ArraySegment<byte>(seg!.Bytes, seg.Offset, present);
            segment = new TcpSegment(
                new TcpEndpoint(ip.SourceAddress, tcp.SourcePort),
                new TcpEndpoint(ip.DestinationAddress, tcp.DestinationPort),
                tcp.SequenceNumber, tcp.AcknowledgmentNumber, tcp.Acknowledgment,
                tcp.Synchronize, tcp.Finished, tcp.Reset,
                payload, declared - present, frame.TimestampUs, frame.Number);
            return FrameSkipReason.None;
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidOperationException
                                      or NotImplementedException or OverflowException or NullReferenceException
                                      or EndOfStreamException)
        {
            // PacketDotNet decodes inner layers lazily, so an unknown inner protocol throws here, not in ParsePacket.
            return FrameSkipReason.Malformed;
        }
    }
}
