using System.Text.Json;
using SMBench.Compiler.Capture;
using SMBench.Compiler.Loadfile;
using SMBench.Compiler.Mapping;
using SMBench.Compiler.Smb;
using SMBench.Compiler.Tcp;
using SMBench.Core.Ir;

namespace SMBench.Compiler;

/// <summary>
/// `smbench compile`: a pcap/pcapng capture of SMB2/3 clients (or a dbench loadfile) to a workload directory —
/// <c>workload.jsonl</c>, <c>blobs/</c>, <c>prestate.json</c> and <c>compile-report.json</c>. Streams the
/// capture: memory is bounded by per-connection state and requests in flight, not by the capture's length.
/// </summary>
public static class CaptureCompiler
{
    public const string ReportFileName = "compile-report.json";
    public const string PrestateFileName = "prestate.json";

    /// <summary>Bytes a non-standard port may carry without looking like SMB before it is ignored.</summary>
    public const long ProbeLimitBytes = 256 * 1024;

    private static readonly JsonSerializerOptions ReportJson = new() { WriteIndented = true };

    /// <summary>Compiles; throws <see cref="CompileFailedException"/> with a specific message for unusable input.</summary>
    public static Task<CompileReport> CompileAsync(CompileOptions options, IProgress<CompileProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Task.Run(() => Compile(options, progress, cancellationToken), cancellationToken);
    }

    public static CompileReport Compile(CompileOptions options, IProgress<CompileProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.InputPath)) throw new CompileFailedException($"{options.InputPath}: no such file");
        var kind = options.IsLoadfile == true ? InputKind.Loadfile : InputSniffer.Detect(options.InputPath);
        if (kind == InputKind.Unknown)
            throw new CompileFailedException(InputSniffer.IsCompressed(options.InputPath)
                ? $"{options.InputPath}: compressed file (gzip/xz/zstd); decompress it first (e.g. gunzip) and compile the .pcap/.pcapng"
                : $"{options.InputPath}: neither a pcap/pcapng capture nor a dbench loadfile (unrecognised first bytes)");
        Anonymizer? anonymizer;
        try
        {
            anonymizer = options.Anonymize ? Anonymizer.FromEnvironment(options.AnonymizeKeyEnv) : null;
        }
        catch (ArgumentException e)
        {
            throw new CompileFailedException(e.Message, e);
        }

        Directory.CreateDirectory(options.OutputDirectory);
        using var writer = new WorkloadWriter(options.OutputDirectory, jsonLines: true);
        var session = new CompileSession(options, writer, anonymizer)
        {
            SessionKeys = options.SessionKeys.Count > 0 ? Smb.Decryption.SessionKeyTable.Parse(options.SessionKeys) : null,
        };
        CompileReport partial;
        if (kind == InputKind.Loadfile)
        {
            partial = LoadfileImporter.Import(options.InputPath, session, cancellationToken);
        }
        else
        {
            partial = ReadCapture(options, session, kind, progress, cancellationToken);
        }
        return Finish(options, session, writer, partial, anonymizer);
    }

    private static CompileReport ReadCapture(CompileOptions options, CompileSession session, InputKind kind, IProgress<CompileProgress>? progress, CancellationToken ct)
    {
        var ports = options.Ports.Select(p => (ushort)p).ToHashSet();
        var table = new TcpConnectionTable((a, b, id) => ports.Count == 0 || ports.Contains(a.Port) || ports.Contains(b.Port)
                ? new TcpConnectionTable.Setup(new SmbConnectionDecoder(id, session), ProbeLimitFor(a, b, ports))
                : null,
            options.Reassembly);
        var skips = new Dictionary<FrameSkipReason, long>();
        long frames = 0, lastFrame = 0, firstTs = 0, lastTs = 0;
        PcapFrameReader reader;
        try
        {
            reader = new PcapFrameReader(options.InputPath);
        }
        catch (CaptureFormatException e)
        {
            throw new CompileFailedException(e.Message, e);
        }
        using (reader)
        {
            var total = reader.FileSize;
            long bytes = 0;
            while (reader.TryRead(out var frame))
            {
                frames++;
                lastFrame = frame.Number;
                bytes += frame.Data.Length + 16;
                if (frames == 1)
                {
                    firstTs = frame.TimestampUs;
                    session.BaseTimestampUs = firstTs;
                }
                lastTs = Math.Max(lastTs, frame.TimestampUs);
                var reason = TcpSegmentExtractor.TryExtract(frame, out var segment);
                if (reason == FrameSkipReason.None) table.OnSegment(segment);
                else skips[reason] = skips.GetValueOrDefault(reason) + 1;
                if ((frames & 0x3FF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Report(new CompileProgress(Math.Min(bytes, total), total, frames, session.OperationsWritten));
                }
            }
            if (reader.TruncationWarning != null) session.Warnings.Add(reader.TruncationWarning);
            progress?.Report(new CompileProgress(total, total, frames, session.OperationsWritten));
        }
        table.CloseAll(lastFrame);
        session.Sequencer.Drain();

        if (skips.GetValueOrDefault(FrameSkipReason.IpFragment) > 0)
            session.Warnings.Add($"{skips[FrameSkipReason.IpFragment]} IP fragments ignored (fragment reassembly is not done; SMB over TCP rarely fragments)");
        if (skips.GetValueOrDefault(FrameSkipReason.Malformed) > 0)
            session.Warnings.Add($"{skips[FrameSkipReason.Malformed]} malformed frames ignored");
        if (skips.GetValueOrDefault(FrameSkipReason.UnsupportedLinkLayer) > 0)
            session.Warnings.Add($"{skips[FrameSkipReason.UnsupportedLinkLayer]} frames of an unsupported link layer ignored");
        if (table.ConnectionsEvicted > 0)
            session.Warnings.Add($"{table.ConnectionsEvicted} idle connections closed early (connection table full)");
        if (session.EncryptedConnections > session.DecryptedConnections)
            session.Warnings.Add($"{session.EncryptedConnections - session.DecryptedConnections} connection(s) carried encrypted SMB3 traffic that could not be decrypted (give --session-key SESSIONID:HEXKEY); those operations are not in the workload");
        if (frames == 0) session.Warnings.Add("the capture holds no frames");
        else if (session.SmbConnections == 0) session.Warnings.Add("no SMB traffic found (try --port if the server listens on an unusual port)");

        var r = table.Reassembly;
        return new CompileReport
        {
            Format = kind == InputKind.PcapNg ? "pcapng" : "pcap",
            Frames = frames,
            Connections = table.ConnectionsSeen,
            TcpGaps = r.Gaps,
            TcpGapBytes = r.GapBytes,
            TcpRetransmits = r.RetransmittedSegments,
            TcpPeakBufferedBytes = r.PeakBufferedBytes,
            IpFragmentsIgnored = skips.GetValueOrDefault(FrameSkipReason.IpFragment),
            MalformedFrames = skips.GetValueOrDefault(FrameSkipReason.Malformed),
            TimeSpan = frames == 0 ? null : new CompileReport.TimeSpanInfo(
                DateTimeOffset.FromUnixTimeMilliseconds(firstTs / 1000).AddTicks(firstTs % 1000 * 10),
                DateTimeOffset.FromUnixTimeMilliseconds(lastTs / 1000).AddTicks(lastTs % 1000 * 10),
                (lastTs - firstTs) / 1e6),
        };
    }

    private static long ProbeLimitFor(TcpEndpoint a, TcpEndpoint b, HashSet<ushort> ports)
    {
        if (ports.Count > 0) return 0;
        return a.Port is 445 or 139 || b.Port is 445 or 139 ? 0 : ProbeLimitBytes;
    }

    private static CompileReport Finish(CompileOptions options, CompileSession session, WorkloadWriter writer, CompileReport partial, Anonymizer? anonymizer)
    {
        var shares = session.Smb.Trees.Values.Where(t => !t.IsPipe).Select(t => t.Share).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(s => anonymizer?.Path(s) ?? s).Order(StringComparer.Ordinal).ToList();
        if (shares.Count > 1)
            session.Warnings.Add($"the capture uses {shares.Count} disk shares; their paths share one namespace in the workload (metadata.shares lists them)");
        var metadata = new WorkloadMetadata
        {
            Source = options.SourceName ?? Path.GetFileName(options.InputPath),
            DurationSeconds = partial.TimeSpan?.DurationSeconds ?? 0,
            Extra = new Dictionary<string, JsonElement>
            {
                ["compiler"] = JsonSerializer.SerializeToElement("smbench"),
                ["input_format"] = JsonSerializer.SerializeToElement(partial.Format),
                ["payload"] = JsonSerializer.SerializeToElement(options.Payload == PayloadMode.Keep && partial.Format != "dbench-loadfile" ? "keep" : "synthetic"),
                ["anonymized"] = JsonSerializer.SerializeToElement(options.Anonymize),
                ["shares"] = JsonSerializer.SerializeToElement(shares),
            },
        };
        var clients = session.Clients.Describe(session.OpsPerClient);
        writer.Complete(metadata, clients);
        if (session.BreakResponses.Count > 0) BreakPatcher.Patch(options.OutputDirectory, session.BreakResponses, metadata, clients);
        session.Prestate.Write(Path.Combine(options.OutputDirectory, PrestateFileName), anonymizer);

        var report = partial with
        {
            Input = options.InputPath,
            Workload = Path.GetFullPath(options.OutputDirectory),
            SmbConnections = session.SmbConnections,
            Sessions = session.Sessions,
            Clients = clients.Count,
            OpsTotal = session.OperationsWritten,
            ByType = new SortedDictionary<string, long>(session.ByType.ToDictionary(), StringComparer.Ordinal),
            Skipped = session.Skips.Snapshot(),
            RequestsByCommand = new SortedDictionary<string, long>(session.RequestsByCommand.ToDictionary(), StringComparer.Ordinal),
            ResponsesByCommand = new SortedDictionary<string, long>(session.ResponsesByCommand.ToDictionary(), StringComparer.Ordinal),
            EncryptedConnections = session.EncryptedConnections,
            DecryptedConnections = session.DecryptedConnections,
            DecryptedMessages = session.DecryptedMessages,
            Breaks = session.Breaks,
            BreakAcks = session.BreakAcks,
            PrestateFiles = session.Prestate.FileCount,
            PrestateDirectories = session.Prestate.DirectoryCount,
            Warnings = session.Warnings.ToList(),
        };
        File.WriteAllText(Path.Combine(options.OutputDirectory, ReportFileName), JsonSerializer.Serialize(report, ReportJson));
        return report;
    }
}
