using System.Text.RegularExpressions;
using SMBench.TestSupport;

namespace SMBench.Integration.Tests.Faults;

/// <summary>
/// A network namespace joined to the host by a veth pair (a /30: host side .1, namespace side .2), made and torn
/// down by the test. Never the host's loopback: shaping applies to the veth ends only.
/// </summary>
internal sealed partial class NetNamespace : IDisposable
{
    public string Name { get; }
    public string HostDevice => Name + "h";
    public string InnerDevice => Name + "n";
    public string HostAddress { get; }
    public string InnerAddress { get; }

    private NetNamespace(string name, string hostAddress, string innerAddress)
    {
        Name = name;
        HostAddress = hostAddress;
        InnerAddress = innerAddress;
    }

    /// <summary>Null when this machine cannot make namespaces (not root, no iproute2).</summary>
    public static string? Unavailable()
    {
        if (!ExternalProcess.IsRoot) return "network namespaces need root";
        if (ExternalProcess.Which("ip") == null || ExternalProcess.Which("tc") == null) return "iproute2 (ip, tc) is not installed";
        return null;
    }

    public static NetNamespace Create()
    {
        var id = Guid.NewGuid().ToString("N")[..6];
        var r = Random.Shared;
        // A random /30 in 10.230-249.x.x, so tests running side by side do not collide.
        var net = $"10.{230 + r.Next(20)}.{r.Next(256)}.";
        var block = 4 * r.Next(64);
        var ns = new NetNamespace("smbf" + id, net + (block + 1), net + (block + 2));
        try
        {
            Ip($"netns add {ns.Name}");
            Ip($"link add {ns.HostDevice} type veth peer name {ns.InnerDevice}");
            Ip($"link set {ns.InnerDevice} netns {ns.Name}");
            Ip($"addr add {ns.HostAddress}/30 dev {ns.HostDevice}");
            Ip($"link set {ns.HostDevice} up");
            Ip($"netns exec {ns.Name} ip addr add {ns.InnerAddress}/30 dev {ns.InnerDevice}");
            Ip($"netns exec {ns.Name} ip link set {ns.InnerDevice} up");
            Ip($"netns exec {ns.Name} ip link set lo up");
        }
        catch
        {
            ns.Dispose();
            throw;
        }
        return ns;
    }

    /// <summary>
    /// Token-bucket shaping on both veth ends: <paramref name="rate"/> (tc units, e.g. "4mbit") with a queue of
    /// <paramref name="limitBytes"/>; what does not fit is dropped, so TCP sees real loss and retransmits.
    /// </summary>
    public void Shape(string rate, int burstBytes, int limitBytes)
    {
        var args = $"root tbf rate {rate} burst {burstBytes} limit {limitBytes}";
        ExternalProcess.RunChecked("tc", $"qdisc add dev {HostDevice} {args}");
        ExternalProcess.RunChecked("ip", $"netns exec {Name} tc qdisc add dev {InnerDevice} {args}");
    }

    /// <summary>Whether this kernel has netem (many minimal kernels do not: "Specified qdisc kind is unknown").</summary>
    public bool TryNetem(string args, out string error)
    {
        var (code, output) = ExternalProcess.Run("tc", $"qdisc add dev {HostDevice} root netem {args}");
        error = output.Trim();
        return code == 0;
    }

    /// <summary>Packets the shapers dropped so far (both ends).</summary>
    public long Dropped()
    {
        long Of(string output) => DroppedPattern().Matches(output).Sum(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        return Of(ExternalProcess.Run("tc", $"-s qdisc show dev {HostDevice}").Output)
               + Of(ExternalProcess.Run("ip", $"netns exec {Name} tc -s qdisc show dev {InnerDevice}").Output);
    }

    private static void Ip(string args) => ExternalProcess.RunChecked("ip", args);

    public void Dispose()
    {
        // Deleting the namespace destroys its veth end and with it the pair.
        ExternalProcess.Run("ip", $"netns del {Name}");
        ExternalProcess.Run("ip", $"link del {HostDevice}");
    }

    [GeneratedRegex(@"dropped (\d+)")]
    private static partial Regex DroppedPattern();
}
