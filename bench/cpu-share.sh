#!/usr/bin/env bash
# Runs a command in a CPU cgroup whose share dwarfs everything else's (root needed): benchmark figures taken on a
# box that other work shares then see the same contention run after run, so before/after rows are comparable.
# Usage: bench/cpu-share.sh dotnet bench/SMBench.Bench/bin/Release/net10.0/SMBench.Bench.dll engine-lateness 5000 50000 10
set -euo pipefail
if [[ -d /sys/fs/cgroup/cpu ]]; then                       # cgroup v1
  group=/sys/fs/cgroup/cpu/smbench-bench
  mkdir -p "$group" && echo 262144 > "$group/cpu.shares"
else                                                       # cgroup v2
  group=/sys/fs/cgroup/smbench-bench
  mkdir -p "$group" && echo 10000 > "$group/cpu.weight"
fi
echo $$ > "$group/cgroup.procs"
exec "$@"
