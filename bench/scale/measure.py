#!/usr/bin/env python3
"""Runs one `smbench replay` and samples it from /proc while it runs (bench/scale/run.sh calls this).

Every --interval seconds: client RSS, threads, sockets and CPU; the smbd children's count, RSS sum and PSS sum;
MemAvailable; and the lateness of the ops journaled since the last sample (tailing ops.jsonl). If MemAvailable
falls below --min-available-mib the replay is stopped (SIGINT: it drains and writes its summary) so a shared box
never runs out of memory. Prints one JSON object (summary + sampled figures) and writes the samples as CSV.

  measure.py --label L --smbd-pid PID --results DIR --samples CSV -- dotnet smbench.dll replay ...
"""
import argparse, json, os, resource, signal, subprocess, sys, time

PAGE = os.sysconf("SC_PAGE_SIZE")
TICK = os.sysconf("SC_CLK_TCK")


def mem_available_mib():
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) // 1024
    return -1


def load_average():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def proc_status(pid):
    rss = threads = 0
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"): rss = int(line.split()[1])
                elif line.startswith("Threads:"): threads = int(line.split()[1])
    except OSError:
        pass
    return rss, threads


def cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICK
    except OSError:
        return 0.0


def sockets(pid):
    n = 0
    try:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                if os.readlink(f"/proc/{pid}/fd/{fd}").startswith("socket:"): n += 1
            except OSError:
                pass
    except OSError:
        pass
    return n


def children(ppid):
    kids = []
    for d in os.listdir("/proc"):
        if not d.isdigit(): continue
        try:
            with open(f"/proc/{d}/stat") as f:
                if int(f.read().rsplit(")", 1)[1].split()[1]) == ppid: kids.append(int(d))
        except (OSError, ValueError, IndexError):
            pass
    return kids


def smbd_memory(parent, with_pss):
    rss = pss = 0
    procs = [parent] + children(parent)
    for pid in procs:
        try:
            with open(f"/proc/{pid}/statm") as f: rss += int(f.read().split()[1]) * PAGE
            if with_pss:
                with open(f"/proc/{pid}/smaps_rollup") as f:
                    for line in f:
                        if line.startswith("Pss:"): pss += int(line.split()[1]) * 1024; break
        except OSError:
            pass
    return len(procs) - 1, rss, pss


def pct(values, p):
    if not values: return None
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


class JournalTail:
    def __init__(self, path):
        self.path, self.pos, self.rest = path, 0, b""
        self.total = self.failed = 0

    def read(self):
        late, ok = [], ("STATUS_SUCCESS",)
        try:
            with open(self.path, "rb") as f:
                f.seek(self.pos); data = f.read(); self.pos += len(data)
        except OSError:
            return late
        data = self.rest + data
        cut = data.rfind(b"\n") + 1
        self.rest = data[cut:]
        for line in data[:cut].splitlines():
            if not line: continue
            r = json.loads(line)
            late.append(r["lateness_us"] / 1000.0)
            self.total += 1
            if r["status"] not in ok and r.get("expected_status") != r["status"]: self.failed += 1
        return late


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--label", required=True)
    ap.add_argument("--smbd-pid", type=int, required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--samples", required=True)
    ap.add_argument("--interval", type=float, default=5.0)
    ap.add_argument("--pss-every", type=int, default=3, help="read smbd PSS every Nth sample (smaps_rollup is slow)")
    ap.add_argument("--min-available-mib", type=int, default=2048)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.time()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    tail = JournalTail(os.path.join(a.results, "ops.jsonl"))
    peak = {"client_rss_kib": 0, "client_threads": 0, "client_sockets": 0, "smbd_procs": 0, "smbd_rss": 0, "smbd_pss": 0}
    first_record = None
    aborted = None
    n = 0
    with open(a.samples, "w") as csv:
        csv.write("t_s,client_rss_mib,client_threads,client_sockets,client_cpu_s,smbd_procs,smbd_rss_mib,smbd_pss_mib,"
                  "mem_available_mib,ops_journaled,window_ops,window_lateness_p50_ms,window_lateness_p99_ms,load_avg_1m\n")
        while proc.poll() is None:
            time.sleep(a.interval)
            n += 1
            t = time.time() - start
            rss, threads = proc_status(proc.pid)
            socks = sockets(proc.pid)
            cpu = cpu_seconds(proc.pid)
            procs, srss, spss = smbd_memory(a.smbd_pid, n % a.pss_every == 0)
            avail = mem_available_mib()
            late = tail.read()
            if first_record is None and tail.total > 0: first_record = {"t_s": round(t, 1), "client_rss_kib": rss}
            peak["client_rss_kib"] = max(peak["client_rss_kib"], rss)
            peak["client_threads"] = max(peak["client_threads"], threads)
            peak["client_sockets"] = max(peak["client_sockets"], socks)
            peak["smbd_procs"] = max(peak["smbd_procs"], procs)
            peak["smbd_rss"] = max(peak["smbd_rss"], srss)
            peak["smbd_pss"] = max(peak["smbd_pss"], spss)
            p50, p99 = pct(late, 50), pct(late, 99)
            csv.write(f"{t:.1f},{rss / 1024:.1f},{threads},{socks},{cpu:.1f},{procs},{srss / 2**20:.0f},"
                      f"{spss / 2**20 if spss else ''},{avail},{tail.total},{len(late)},"
                      f"{'' if p50 is None else f'{p50:.1f}'},{'' if p99 is None else f'{p99:.1f}'},{load_average()}\n")
            csv.flush()
            if avail >= 0 and avail < a.min_available_mib and aborted is None:
                aborted = f"stopped at {t:.0f} s: MemAvailable {avail} MiB < {a.min_available_mib} MiB with {procs} smbd processes"
                proc.send_signal(signal.SIGINT)
    out, err = proc.communicate()
    tail.read()
    wall = time.time() - start
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        summary = json.loads(out)
    except json.JSONDecodeError:
        summary = {"error": (err or out)[-2000:]}
    result = {
        "label": a.label, "exit_code": proc.returncode, "wall_s": round(wall, 1), "aborted": aborted,
        "client_cpu_s": round((used.ru_utime - before.ru_utime) + (used.ru_stime - before.ru_stime), 1),
        "client_peak_rss_mib": round(peak["client_rss_kib"] / 1024, 1),
        "client_rss_at_first_result_mib": None if first_record is None else round(first_record["client_rss_kib"] / 1024, 1),
        "client_peak_threads": peak["client_threads"], "client_peak_sockets": peak["client_sockets"],
        "smbd_peak_procs": peak["smbd_procs"], "smbd_peak_rss_mib": round(peak["smbd_rss"] / 2**20),
        "smbd_peak_pss_mib": round(peak["smbd_pss"] / 2**20) if peak["smbd_pss"] else None,
        "summary": summary, "stderr_tail": err[-600:] if proc.returncode not in (0, 1) else None,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
