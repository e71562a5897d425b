#!/usr/bin/env bash
# SMBench demo on a fresh Debian machine: installs what it needs, builds, and replays the bundled seed example
# workload onto a local directory, printing the run summary. Nothing outside /tmp/smbench-demo is touched.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
DEMO=${SMBENCH_DEMO_DIR:-/tmp/smbench-demo}
rm -rf "$DEMO" && mkdir -p "$DEMO"

echo "== building SMBench"
dotnet build src/SMBench.Daemon -c Release -v quiet -nologo >/dev/null
SMBENCH="dotnet src/SMBench.Daemon/bin/Release/net10.0/smbench.dll"

echo "== the workload"
$SMBENCH validate samples/seed-example
$SMBENCH inspect samples/seed-example

echo "== replaying it on the local backend (real time)"
$SMBENCH replay samples/seed-example --target "file://$DEMO/share" --results "$DEMO/results" --run-id demo

echo "== files the replay left behind"
find "$DEMO/share" -type f -printf '%P  (%s bytes)\n'
echo "== first journal records ($DEMO/results/ops.jsonl)"
head -n 3 "$DEMO/results/ops.jsonl"
