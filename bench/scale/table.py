#!/usr/bin/env python3
"""Prints the scale table (markdown) from the JSON lines measure.py wrote."""
import json, sys


def f(v, spec="{:,.0f}"):
    return "–" if v is None else spec.format(v)


rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print("| N | ops | failed | error rate | ops/s | latency p50 / p99 ms | lateness p50 / p99 ms | wall s | connect s |"
      " client CPU s | client peak RSS MiB | client RSS at t0 MiB | threads | sockets | smbd procs | smbd RSS sum MiB |"
      " smbd PSS sum MiB | note |")
print("|" + "---|" * 18)
for r in rows:
    s = r["summary"]
    ops, failed = s.get("ops_total"), s.get("ops_failed")
    rate = None if not ops else 100.0 * failed / ops
    lat, late = s.get("latency_ms") or {}, s.get("lateness_ms") or {}
    connect = None if s.get("duration_s") is None else r["wall_s"] - s["duration_s"]
    note = r.get("aborted") or s.get("error") or ""
    print(f"| {r['label']} | {f(ops)} | {f(failed)} | {f(rate, '{:.3f} %')} | {f(s.get('ops_per_s'))} | "
          f"{f(lat.get('p50'), '{:.1f}')} / {f(lat.get('p99'), '{:.0f}')} | {f(late.get('p50'), '{:.1f}')} / {f(late.get('p99'), '{:.0f}')} | "
          f"{f(r['wall_s'])} | {f(connect)} | {f(r['client_cpu_s'], '{:.1f}')} | {f(r['client_peak_rss_mib'])} | "
          f"{f(r['client_rss_at_first_result_mib'])} | {r['client_peak_threads']} | {r['client_peak_sockets']} | "
          f"{r['smbd_peak_procs']} | {f(r['smbd_peak_rss_mib'])} | {f(r['smbd_peak_pss_mib'])} | {note} |")
