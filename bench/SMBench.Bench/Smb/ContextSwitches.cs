using System.Runtime.InteropServices;

namespace SMBench.Bench.Smb;

/// <summary>
/// Context switches of this process so far (getrusage, every thread, also those that ended). Voluntary switches
/// count threads going to sleep and being woken — the thread hops of a request path — and depend much less on
/// the machine's load than ops/s do.
/// </summary>
internal static partial class ContextSwitches
{
    private const int RusageSelf = 0;

    public static (long Voluntary, long Involuntary) Now()
    {
        // struct rusage on 64-bit Linux: two timevals (4 longs), then 14 longs; ru_nvcsw and ru_nivcsw are the last two.
        var usage = new long[18];
        return getrusage(RusageSelf, usage) == 0 ? (usage[16], usage[17]) : (0, 0);
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int getrusage(int who, [Out] long[] usage);
}
