using System.Runtime.InteropServices;

namespace SMBench.Smb.Transport;

/// <summary>The few Linux calls <see cref="EpollReceiver"/> and the transport need: epoll(7), recv(2) and send(2) with MSG_DONTWAIT.</summary>
internal static partial class Epoll
{
    public const uint In = 0x001;
    public const uint RdHup = 0x2000;
    public const int CtlAdd = 1;
    public const int CtlDel = 2;
    private const int CloExec = 0x80000;
    private const int MsgDontWait = 0x40;
    private const int MsgNoSignal = 0x4000;
    private const int EIntr = 4;
    private const int EAgain = 11;

    /// <summary>
    /// struct epoll_event is packed on x86-64 (12 bytes, data at offset 4) and naturally aligned elsewhere
    /// (16 bytes, data at offset 8), so events are read from raw bytes with the stride of the running machine.
    /// </summary>
    public static readonly int EventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;

    private static readonly int DataOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4 : 8;

    public static int Create()
    {
        var fd = epoll_create1(CloExec);
        if (fd < 0) throw new IOException($"epoll_create1 failed (errno {Marshal.GetLastPInvokeError()})");
        return fd;
    }

    public static void Add(int epfd, SafeHandle socket, ulong token)
    {
        Span<byte> ev = stackalloc byte[16];
        ev.Clear();
        BitConverter.TryWriteBytes(ev, In | RdHup);
        BitConverter.TryWriteBytes(ev[DataOffset..], token);
        var ok = false;
        try
        {
            socket.DangerousAddRef(ref ok);
            if (epoll_ctl(epfd, CtlAdd, (int)socket.DangerousGetHandle(), ref MemoryMarshal.GetReference(ev)) < 0)
                throw new IOException($"epoll_ctl(ADD) failed (errno {Marshal.GetLastPInvokeError()})");
        }
        finally
        {
            if (ok) socket.DangerousRelease();
        }
    }

    /// <summary>Best effort: the kernel drops a closed socket from the set on its own.</summary>
    public static void Remove(int epfd, SafeHandle socket)
    {
        Span<byte> ev = stackalloc byte[16];
        ev.Clear();
        var ok = false;
        try
        {
            socket.DangerousAddRef(ref ok);
            _ = epoll_ctl(epfd, CtlDel, (int)socket.DangerousGetHandle(), ref MemoryMarshal.GetReference(ev));
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            if (ok) socket.DangerousRelease();
        }
    }

    /// <summary>Waits for events; returns how many were written to <paramref name="events"/> (0 on EINTR).</summary>
    public static int Wait(int epfd, byte[] events, int timeoutMs)
    {
        var n = epoll_wait(epfd, ref MemoryMarshal.GetArrayDataReference(events), events.Length / EventSize, timeoutMs);
        if (n >= 0) return n;
        var errno = Marshal.GetLastPInvokeError();
        return errno == EIntr ? 0 : throw new IOException($"epoll_wait failed (errno {errno})");
    }

    public static (uint Events, ulong Token) EventAt(byte[] events, int index)
    {
        var ev = events.AsSpan(index * EventSize, EventSize);
        return (BitConverter.ToUInt32(ev), BitConverter.ToUInt64(ev[DataOffset..]));
    }

    /// <summary>
    /// Non-blocking receive: bytes read, 0 at end of stream, -1 with <paramref name="errno"/> 0 when nothing is
    /// waiting, -1 with the errno on failure. A closed socket throws <see cref="ObjectDisposedException"/>; the
    /// reference held across the call keeps its descriptor from being reused meanwhile.
    /// </summary>
    public static int Receive(SafeHandle socket, Span<byte> buffer, out int errno)
    {
        var ok = false;
        try
        {
            socket.DangerousAddRef(ref ok);
            var fd = (int)socket.DangerousGetHandle();
            while (true)
            {
                var n = recv(fd, ref MemoryMarshal.GetReference(buffer), (nuint)buffer.Length, MsgDontWait);
                if (n >= 0)
                {
                    errno = 0;
                    return (int)n;
                }
                errno = Marshal.GetLastPInvokeError();
                if (errno == EIntr) continue;
                if (errno == EAgain) errno = 0;
                return -1;
            }
        }
        finally
        {
            if (ok) socket.DangerousRelease();
        }
    }

    /// <summary>
    /// Non-blocking send of as much of <paramref name="data"/> as the socket takes: bytes sent (fewer than asked when
    /// its buffer is full), or -1 with <paramref name="errno"/> on failure.
    /// </summary>
    public static int Send(SafeHandle socket, ReadOnlySpan<byte> data, out int errno)
    {
        var ok = false;
        try
        {
            socket.DangerousAddRef(ref ok);
            var fd = (int)socket.DangerousGetHandle();
            var total = 0;
            errno = 0;
            while (total < data.Length)
            {
                var n = send(fd, ref MemoryMarshal.GetReference(data[total..]), (nuint)(data.Length - total), MsgDontWait | MsgNoSignal);
                if (n >= 0)
                {
                    total += (int)n;
                    continue;
                }
                errno = Marshal.GetLastPInvokeError();
                if (errno == EIntr) continue;
                if (errno == EAgain)
                {
                    errno = 0;
                    return total;
                }
                return -1;
            }
            return total;
        }
        finally
        {
            if (ok) socket.DangerousRelease();
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_create1(int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_ctl(int epfd, int op, int fd, ref byte ev);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_wait(int epfd, ref byte events, int maxEvents, int timeout);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint recv(int fd, ref byte buffer, nuint length, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint send(int fd, ref byte buffer, nuint length, int flags);
}
