#!/usr/bin/env bash
# SMBench demo on a fresh Debian machine (as root): installs what it needs, builds, then
#   1. captures real SMB traffic: smbclient against a throwaway Samba on loopback, tcpdump on lo
#      (scripts/make-sample-capture.sh — the project's own small capture, made fresh every time),
#   2. compiles the capture into a workload (smbench compile),
#   3. replays it in realistic mode (captured dispositions, access and share modes; statuses compared) against a
#      second, fresh throwaway Samba, one connection and login per simulated user (smbench replay --backend smb),
#   4. prints the summary and where the results journal is.
# Everything lives under /tmp/smbench-demo; the Samba servers are stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
DEMO=${SMBENCH_DEMO_DIR:-/tmp/smbench-demo}
rm -rf "$DEMO" && mkdir -p "$DEMO"
[[ $(id -u) -eq 0 ]] || { echo "demo: run as root (it starts Samba with private users and captures on lo)" >&2; exit 3; }

echo "== installing packages (samba, smbclient, tcpdump, …) when missing"
bash scripts/setup-deps.sh
echo "== building SMBench"
dotnet build src/SMBench.Daemon -c Release -v quiet -nologo >/dev/null
SMBENCH="dotnet src/SMBench.Daemon/bin/Release/net10.0/smbench.dll"

echo "== 1. capturing smbclient traffic against a throwaway Samba"
bash scripts/make-sample-capture.sh "$DEMO/capture.pcap" --files 12 --size 32768 --rounds 2

echo "== 2. compiling the capture"
$SMBENCH compile "$DEMO/capture.pcap" -o "$DEMO/workload"
$SMBENCH validate "$DEMO/workload"

echo "== 3. replaying it against a fresh Samba (realistic mode, real time)"
source scripts/lab/smbd-lib.sh
trap lab_smbd_stop EXIT
PORT=$(lab_free_port)
export SMBENCH_DEMO_PW='Demo-Passw0rd1'
lab_smbd_start "$DEMO/samba" "$PORT" smbdemo "$SMBENCH_DEMO_PW"
$SMBENCH replay "$DEMO/workload" --target "smb://127.0.0.1:$PORT/share" --user smbdemo --password-env SMBENCH_DEMO_PW \
  --mode realistic --results "$DEMO/results" --run-id demo

echo "== 4. what the replay left on the server and in the journal"
find "$DEMO/samba/share" -maxdepth 4 | sed "s#$DEMO/samba/share#share:#" | head -n 20
echo "journal: $DEMO/results/ops.jsonl ($(wc -l <"$DEMO/results/ops.jsonl") records), summary: $DEMO/results/summary.json"
head -n 2 "$DEMO/results/ops.jsonl"
