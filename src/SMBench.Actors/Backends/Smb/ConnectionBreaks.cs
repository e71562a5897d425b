using System.Runtime.CompilerServices;
using SMBench.Smb.Client;
using SMBench.Smb.Transport;

namespace SMBench.Actors.Backends.Smb;

/// <summary>
/// Routes one connection's break notifications to the replayed sessions on it: one session normally, several with
/// shared connections (<c>--connections shared:N</c>). A break goes to the session holding the open (oplock: its
/// FileId; lease: an open with its lease key); one nobody claims goes to the first session, which records it and,
/// for a lease, still acknowledges it. Full mode only.
/// </summary>
internal sealed class ConnectionBreaks
{
    private static readonly ConditionalWeakTable<SmbConnection, ConnectionBreaks> All = new();
    private readonly SmbConnection _connection;
    private volatile SmbClientSession[] _sessions = [];

    private ConnectionBreaks(SmbConnection connection)
    {
        _connection = connection;
        connection.Transport.BreakHandler = Claim;
        _ = Task.Run(PumpAsync);
    }

    public static void Attach(SmbConnection connection, SmbClientSession session)
    {
        var routes = All.GetValue(connection, static c => new ConnectionBreaks(c));
        lock (routes) routes._sessions = [.. routes._sessions, session];
    }

    public static void Detach(SmbConnection connection, SmbClientSession session)
    {
        if (!All.TryGetValue(connection, out var routes)) return;
        lock (routes) routes._sessions = [.. routes._sessions.Where(s => !ReferenceEquals(s, session))];
    }

    /// <summary>On the read loop: the owning session starts its answer at once (see SmbClientSession.Breaks).</summary>
    private bool Claim(BreakNotification n)
    {
        var sessions = _sessions;
        foreach (var s in sessions)
            if (s.TryAnswer(n, strict: true)) return true;
        return sessions.Length > 0 && n.Lease != null && sessions[0].TryAnswer(n, strict: false);
    }

    /// <summary>
    /// Breaks the read loop could not place: an oplock break can overtake the bookkeeping of the open it concerns
    /// (the CREATE response was read, its continuation has not registered the open yet). Unanswered, the other
    /// client's open would wait for the server's break timeout (35 s on Samba), so look again briefly.
    /// </summary>
    private async Task PumpAsync()
    {
        try
        {
            await foreach (var n in _connection.Breaks.ReadAllAsync().ConfigureAwait(false))
            {
                for (var retry = 0; retry <= 40; retry++)
                {
                    if (retry > 0) await Task.Delay(5).ConfigureAwait(false);
                    var sessions = _sessions;
                    if (sessions.Any(s => s.TryQueue(n, strict: true))) break;
                    if (n.Oplock == null || retry == 40)
                    {
                        if (sessions.Length > 0) sessions[0].TryQueue(n, strict: false);
                        break;
                    }
                }
            }
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            // the connection died; sessions that reconnect attach to the new one
        }
    }
}
