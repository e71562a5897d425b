#!/usr/bin/env bash
# Sets up everything the tests need on a fresh Debian machine (apt packages, NuGet restore) and runs every test.
# Integration tests start real smbd / Samba AD DC / slapd on loopback themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-deps.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet restore SMBench.sln
dotnet build SMBench.sln -c Release --no-restore
# One test assembly at a time: integration tests start servers and must not fight over the two cores.
set +e
dotnet test SMBench.sln -c Release --no-build -m:1 --logger "console;verbosity=normal" "$@" 2>&1 | tee /tmp/smbench-test.log
status=${PIPESTATUS[0]}
set -e
# Totals over every test assembly (awk, not grep: no match must not end the script under set -e).
count() { awk -v k="$1" '$1 == k":" {s += $2} END {print s + 0}' /tmp/smbench-test.log; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
