using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using SMBench.Core.Results;
using SMBench.Daemon.Cluster;
using Xunit;
using Xunit.Abstractions;
using static SMBench.Daemon.Cluster.ClusterRunProtocol;

namespace SMBench.Daemon.Tests.Cluster;

/// <summary>
/// Every message that crosses nodes has the explicit cluster serializer (never Akka's JSON fallback) and survives a
/// round trip; with <c>serialize-messages = on</c> an echo actor gets each one back intact.
/// </summary>
public sealed class ClusterSerializationSpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(Config, output: output)
{
    private static readonly Config Config = ConfigurationFactory.ParseString("""
            akka.actor.serialize-messages = on
            akka.loglevel = WARNING
            """).WithFallback(ConfigurationFactory.ParseString(ClusterHocon.SerializerBinding));

    private static ClusterRunSpec Spec => new()
    {
        RunId = "r1", WorkloadPath = "/srv/w", WorkloadDigest = "abc", Origin = "akka.tcp://smbench@10.0.0.1:4053",
        Target = "smb://fs/share", Backend = "smb", Mode = "realistic", TimeScale = 0.5, Root = "x", User = "u", PasswordEnv = "PW",
        MaxInFlight = 2, NullLatencyMs = 1.5, SubmittedAt = DateTimeOffset.Parse("2026-11-27T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        Clients = [new ClientOps("c1", 10), new ClientOps("c2", 0)],
    };

    private static PartialSummary Partial()
    {
        var builder = new PartialSummaryBuilder();
        builder.OnResults([
            new OpResult { OpId = "1", ClientId = "c1", Type = "read", DueUs = 0, IssuedUs = 15, CompletedUs = 900, Status = "STATUS_SUCCESS" },
            new OpResult { OpId = "2", ClientId = "c1", Type = "open", DueUs = 5, IssuedUs = 20, CompletedUs = 400, Status = "STATUS_ACCESS_DENIED", ExpectedStatus = "STATUS_SUCCESS" },
        ]);
        return builder.Build(new RunSummary { OpsNotRun = 3 }) with { StartAtUnixUs = 1_700_000_000_000_000 };
    }

    private static ClusterRunState State => new()
    {
        Spec = Spec, Version = 7, State = ClusterRunStates.Running, StartAtUnixUs = 42, StopRequested = true,
        Nodes = new(StringComparer.Ordinal)
        {
            ["akka.tcp://smbench@10.0.0.1:4053"] = new NodePart { Clients = ["c1"], OpsAssigned = 10, State = NodePartStates.Finished, Result = Partial() },
            ["akka.tcp://smbench@10.0.0.2:4053"] = new NodePart { Clients = ["c2"], State = NodePartStates.Lost, Error = "gone" },
        },
        Summary = new RunSummary { RunId = "r1", OpsTotal = 2, LatencyMs = new Percentiles { P99 = 0.9 } },
    };

    public static TheoryData<string> Samples() => new(AllSamples().Select(m => m.GetType().Name));

    private static IEnumerable<object> AllSamples()
    {
        var finished = new NodeFinished("r1", "n1", NodePartStates.Finished, null, Partial());
        var progress = new NodeProgress("r1", "n1", 10, 9, 1, Partial());
        return
        [
            new SubmitRun(Spec), new RunAccepted("r1", "running"), new RunRefused("r1", "why"), new GetRun("r1"), new RunView(State),
            new RunUnknown("r1"), new ListRuns(), new RunList([State]), new StopRun("r1", "user"), new RegisterNode("n1", 2.5, true),
            new PrepareRun(Spec, ["c1", "c2"]), new NodeReady("r1", "n1"), new StartAt("r1", 1_764_237_600_123_456), progress, finished,
            new AbortRun("r1", "stop"), new Replicate(State), new GetReplicas(), new Replicas("n1", [State], [finished], [progress]),
            new FetchWorkload("abc", 262144), new WorkloadChunk("abc", 262144, 900000, "ff00", [1, 2, 3, 250]),
            new WorkloadUnavailable("abc", "no"),
        ];
    }

    [Fact]
    public void Every_cluster_message_type_has_a_sample_here()
        => Assert.Equal(ClusterMessageSerializer.KnownTypes.OrderBy(t => t.Name), AllSamples().Select(s => s.GetType()).OrderBy(t => t.Name));

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_cluster_message_uses_the_cluster_serializer_and_round_trips(string typeName)
    {
        var message = AllSamples().Single(m => m.GetType().Name == typeName);
        var serialization = Sys.Serialization;
        var serializer = serialization.FindSerializerFor(message);
        Assert.IsType<ClusterMessageSerializer>(serializer);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);
        var bytes = serializer.ToBinary(message);
        var back = serialization.Deserialize(bytes, serializer.Identifier, manifest);
        Assert.Equal(message.GetType(), back.GetType());
        Assert.Equal(Canonical(message), Canonical(back));
    }

    [Fact]
    public void With_serialize_messages_on_an_echo_returns_every_message_intact()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));
        foreach (var message in AllSamples())
        {
            echo.Tell(message, TestActor);
            var back = ExpectMsg<object>();
            Assert.NotSame(message, back); // it was serialized on the way
            Assert.Equal(Canonical(message), Canonical(back));
        }
    }

    [Fact]
    public void A_nodes_histograms_survive_the_trip_and_merge()
    {
        var finished = new NodeFinished("r1", "n1", NodePartStates.Finished, null, Partial());
        var serializer = Sys.Serialization.FindSerializerFor(finished);
        var back = (NodeFinished)Sys.Serialization.Deserialize(serializer.ToBinary(finished), serializer.Identifier, "finished");
        var merged = SummaryMerger.Merge(new RunSummary(), [back.Result, Partial()]);
        Assert.Equal(4, merged.OpsTotal);
        Assert.Equal(2, merged.OpsOk); // the open got ACCESS_DENIED where the capture got SUCCESS
        Assert.Equal(0.885, merged.LatencyMs.Max, 3);
        Assert.Equal(0.380, merged.LatencyMs.P50, 3);
        Assert.Equal(6, merged.OpsNotRun);
    }

    private static string Canonical(object o) => o is WorkloadChunk c
        ? $"{c.Digest}|{c.Offset}|{c.TotalLength}|{c.BundleSha256}|{Convert.ToHexString(c.Data)}"
        : JsonSerializer.Serialize(o, o.GetType());

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m));
    }
}
