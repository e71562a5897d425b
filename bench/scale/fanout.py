#!/usr/bin/env python3
"""Fans a compiled workload out to N clients, for the scale and soak runs (bench/scale/run.sh).

Every client of the base workload becomes N copies: client `u00001` (or `u00001-<base client>`), op ids prefixed
with the copy, paths placed under the copy's own folder `u00001/…` so copies never touch each other's files. Each
copy's script is stretched to --script-seconds and copies start --stagger-seconds apart in total (evenly), so the
load is N users working side by side rather than N identical bursts. The output is sorted by timestamp (the timing
stage releases in stream order). Blobs are hard-linked. Also writes creds.yaml mapping each client to user
<user-prefix>NNNNN with the password from $SCALE_PW (never written).

  fanout.py BASE_DIR OUT_DIR N [--script-seconds S] [--stagger-seconds W] [--user-prefix sbs]
"""
import argparse, json, os, shutil, subprocess, sys

PATH_FIELDS = ("path", "source_path", "dest_path")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base"); ap.add_argument("out"); ap.add_argument("n", type=int)
    ap.add_argument("--script-seconds", type=float, default=60.0)
    ap.add_argument("--stagger-seconds", type=float, default=60.0)
    ap.add_argument("--user-prefix", default="sbs")
    a = ap.parse_args()

    with open(os.path.join(a.base, "workload.jsonl")) as f:
        header = json.loads(f.readline())
        base_ops = [json.loads(line) for line in f if line.strip()]
    if not base_ops:
        sys.exit("the base workload has no operations")
    base_clients = sorted({op["client_id"] for op in base_ops})
    t0 = min(op["timestamp_us"] for op in base_ops)
    span = max(1, max(op["timestamp_us"] for op in base_ops) - t0)
    stretch = a.script_seconds * 1e6 / span

    out = []
    counts = {}
    for i in range(1, a.n + 1):
        copy = f"u{i:05d}"
        offset = int((i - 1) * a.stagger_seconds * 1e6 / a.n)
        for k, op in enumerate(base_ops):
            o = dict(op)
            o["client_id"] = copy if len(base_clients) == 1 else f"{copy}-{op['client_id']}"
            o["op_id"] = f"{copy}-{op['op_id']}"
            o["timestamp_us"] = offset + int((op["timestamp_us"] - t0) * stretch)
            for field in PATH_FIELDS:
                if isinstance(o.get(field), str):
                    o[field] = f"{copy}/{o[field].lstrip('/').lstrip(chr(92))}"
            counts[o["client_id"]] = counts.get(o["client_id"], 0) + 1
            out.append((o["timestamp_us"], i, k, o))
    out.sort(key=lambda t: (t[0], t[1], t[2]))

    os.makedirs(a.out, exist_ok=True)
    meta = dict(header.get("metadata", {}))
    meta.update({"source": f"{meta.get('source', 'capture')} fanned out to {a.n} users",
                 "duration_seconds": a.script_seconds + a.stagger_seconds, "client_count": len(counts)})
    with open(os.path.join(a.out, "workload.jsonl"), "w") as f:
        f.write(json.dumps({"version": 1, "metadata": meta,
                            "clients": [{"client_id": c, "operation_count": n} for c, n in counts.items()]},
                           separators=(",", ":")) + "\n")
        for _, _, _, o in out:
            f.write(json.dumps(o, separators=(",", ":")) + "\n")
    blobs = os.path.join(a.base, "blobs")
    if os.path.isdir(blobs) and not os.path.exists(os.path.join(a.out, "blobs")):
        subprocess.run(["cp", "-al", blobs, os.path.join(a.out, "blobs")], check=True)
    with open(os.path.join(a.out, "creds.yaml"), "w") as f:
        f.write("users:\n")
        for i, c in enumerate(counts, 1):
            f.write(f"  - client_id: {c}\n    username: {a.user_prefix}{i:05d}\n    password_env: SCALE_PW\n")
    os.chmod(os.path.join(a.out, "creds.yaml"), 0o600)
    print(json.dumps({"clients": len(counts), "ops": len(out), "ops_per_client": len(base_ops),
                      "script_s": a.script_seconds, "stagger_s": a.stagger_seconds}))


if __name__ == "__main__":
    main()
