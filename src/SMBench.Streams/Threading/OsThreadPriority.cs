using System.Runtime.InteropServices;

namespace SMBench.Streams.Threading;

/// <summary>
/// Sets the Linux nice value of the calling thread. .NET's <see cref="Thread.Priority"/> does nothing on Linux, yet
/// on a 2-core box the release path (timer → stage → clients) competes with bulk work (IR parsing, journal
/// writing): niced bulk threads let the kernel preempt them the moment a release is due, where a shared thread
/// pool would queue the release behind a whole journal batch.
/// </summary>
public static class OsThreadPriority
{
    /// <summary>Nice value for threads doing bulk work off the release path.</summary>
    public const int Background = 10;

    /// <summary>Best effort: false where not permitted (raising priority needs CAP_SYS_NICE) or not Linux.</summary>
    public static bool TrySetCurrent(int nice)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            var gettid = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 178L : 186L;
            var tid = (int)Syscall(gettid);
            return tid > 0 && SetPriority(PrioProcess, tid, nice) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private const int PrioProcess = 0;

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int prio);

    [DllImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static extern long Syscall(long number);
}
