using System.Buffers;
using SMBench.Smb.Transport;
using Xunit;

namespace SMBench.Smb.Tests.Transport;

public sealed class CreditWindowTests
{
    [Fact]
    public async Task Message_ids_follow_the_charges_and_waiters_resume_in_order()
    {
        var window = new CreditWindow(initialCredits: 4, reserve: 0);
        Assert.Equal(0ul, await window.AcquireAsync(1, false, default));
        Assert.Equal(1ul, await window.AcquireAsync(3, false, default));
        var waiting = window.AcquireAsync(2, false, default).AsTask();
        var after = window.AcquireAsync(1, false, default).AsTask();
        Assert.False(waiting.IsCompleted);
        window.Grant(1);
        Assert.False(waiting.IsCompleted);
        window.Grant(2);
        Assert.Equal(4ul, await waiting);
        Assert.Equal(6ul, await after);
    }

    [Fact]
    public async Task Reserve_is_kept_for_break_acknowledgments()
    {
        var window = new CreditWindow(initialCredits: 3, reserve: 2);
        await window.AcquireAsync(1, false, default);
        var normal = window.AcquireAsync(1, false, default).AsTask();
        Assert.False(normal.IsCompleted);
        Assert.Equal(1ul, await window.AcquireAsync(1, true, default));
    }

    [Fact]
    public async Task Failure_and_cancellation_release_waiters()
    {
        var window = new CreditWindow(initialCredits: 0, reserve: 0);
        using var cts = new CancellationTokenSource();
        var cancelled = window.AcquireAsync(1, false, cts.Token).AsTask();
        var failed = window.AcquireAsync(1, false, default).AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        window.Fail(new SmbConnectionException("gone"));
        await Assert.ThrowsAsync<SmbConnectionException>(() => failed);
        await Assert.ThrowsAsync<SmbConnectionException>(() => window.AcquireAsync(1, true, default).AsTask());
    }
}

public sealed class DirectTcpFramingTests
{
    [Fact]
    public void Frames_are_cut_only_when_complete()
    {
        var bytes = new byte[] { 0, 0, 0, 3, 1, 2, 3, 0, 0, 0, 2, 9 };
        var buffer = new ReadOnlySequence<byte>(bytes);
        Assert.True(DirectTcpFraming.TryReadFrame(ref buffer, out var frame));
        Assert.Equal(new byte[] { 1, 2, 3 }, frame.ToArray());
        Assert.False(DirectTcpFraming.TryReadFrame(ref buffer, out _));
        Assert.Equal(5, buffer.Length);
    }

    [Fact]
    public void A_non_zero_first_byte_or_a_huge_length_is_rejected()
    {
        var bad = new ReadOnlySequence<byte>(new byte[] { 0x85, 0, 0, 0 });
        Assert.Throws<SmbConnectionException>(() => DirectTcpFraming.TryReadFrame(ref bad, out _));
        var huge = new ReadOnlySequence<byte>(new byte[] { 0, 0xFF, 0xFF, 0xFF });
        Assert.Throws<SmbConnectionException>(() => DirectTcpFraming.TryReadFrame(ref huge, out _));
    }
}
