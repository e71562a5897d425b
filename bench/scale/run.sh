#!/usr/bin/env bash
# Scale and soak runs of a real workload against a tuned local smbd: N users, each its own TCP connection, NTLM
# login and tree connect, replaying what smbclient did in a capture this script makes. See docs/benchmarks/scale.md.
#
#   bench/scale/run.sh [N ...]                       # scale runs (default 500 1000 2000 5000)
#   bench/scale/run.sh --soak 10m --soak-clients 1000 # soak: looping with --duration, sampled every 10 s
#   options: --script-seconds S --stagger-seconds W (each user's script stretched to S s, users start over W s;
#            default 60/60 for scale, 30/30 for soak), --min-available-mib M (stop a run below this MemAvailable,
#            default 2048), --keep (keep the work dir), --remove-users (delete the sbsNNNNN users and exit)
#
# Needs root (users, smbd), samba, smbclient, tcpdump, python3, dotnet. Users sbs00001… (group smbscale, no login,
# no home, no Unix password) are created once with useradd and kept for later runs; --remove-users deletes them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); repo=$(cd "$here/../.." && pwd)
sizes=(); soak=""; soak_clients=1000; script_s=""; stagger_s=""; keep=0; min_avail=2048
while [[ $# -gt 0 ]]; do
  case "$1" in
    --soak) soak="$2"; shift 2 ;;
    --soak-clients) soak_clients="$2"; shift 2 ;;
    --script-seconds) script_s="$2"; shift 2 ;;
    --stagger-seconds) stagger_s="$2"; shift 2 ;;
    --min-available-mib) min_avail="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --remove-users)
      getent passwd | cut -d: -f1 | grep -E '^sbs[0-9]{5}$' | while read -r u; do userdel "$u"; done
      groupdel smbscale 2>/dev/null || true; echo "removed the scale users"; exit 0 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[[ ${#sizes[@]} -gt 0 || -n "$soak" ]] || sizes=(500 1000 2000 5000)
[[ $(id -u) -eq 0 ]] || { echo "$0: needs root" >&2; exit 3; }
for tool in smbd smbpasswd pdbedit useradd python3 dotnet; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is missing" >&2; exit 3; }
done

# Limits for thousands of connections: both smbd (inherits this shell's) and the replay.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
ulimit -u unlimited 2>/dev/null || true

W=$(mktemp -d /tmp/smbench-scale-XXXXXX); chmod 755 "$W" # smbd serves the share as each user
source "$repo/scripts/lab/smbd-lib.sh"
cleanup() { lab_smbd_stop || true; [[ $keep -eq 1 ]] && echo "work dir kept: $W" >&2 || rm -rf "$W"; }
trap cleanup EXIT
SCALE_PW="Sc-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')-9"; export SCALE_PW

echo "== build" >&2
dotnet build -c Release "$repo/src/SMBench.Daemon" -v q --nologo >"$W/build.log" 2>&1 || { cat "$W/build.log" >&2; exit 1; }
dll="$repo/src/SMBench.Daemon/bin/Release/net10.0/smbench.dll"

echo "== capture and compile" >&2
"$repo/scripts/make-sample-capture.sh" "$W/sample.pcap" --files 4 --size 8192 --rounds 2 >"$W/capture.log" 2>&1 \
  || { cat "$W/capture.log" >&2; exit 1; }
dotnet "$dll" compile "$W/sample.pcap" -o "$W/base" --json >"$W/compile.json"

max=0; [[ -n "$soak" ]] && max=$soak_clients
for n in "${sizes[@]}"; do (( n > max )) && max=$n; done

echo "== users sbs00001..sbs$(printf %05d "$max")" >&2
groupadd -f smbscale
getent passwd | cut -d: -f1 | grep -E '^sbs[0-9]{5}$' | sort >"$W/existing" || true
seq -f 'sbs%05g' 1 "$max" | sort | comm -23 - "$W/existing" >"$W/missing" || true
# No password and no home: the accounts exist for smbd's uid mapping only.
while read -r u; do useradd -M -N -g smbscale -d /nonexistent -s /usr/sbin/nologin "$u"; done <"$W/missing"

echo "== smbd" >&2
port=$(lab_free_port)
extra=$'max smbd processes = 0\n  max open files = 100000\n  log level = 0\n  deadtime = 0\n  max log size = 1000'
lab_smbd_start "$W/smbd" "$port" sbs00001 "$SCALE_PW" "$extra"
conf="$W/smbd/smb.conf"
# One password for every user: copy the first user's smbpasswd line (hashes) to all the others and import in bulk.
template=$(pdbedit -s "$conf" -L -w -u sbs00001)
getent passwd | awk -F: -v max="$max" -v t="$template" '
  $1 ~ /^sbs[0-9][0-9][0-9][0-9][0-9]$/ && $1 != "sbs00001" && substr($1, 4) + 0 <= max {
    n = split(t, f, ":"); line = $1 ":" $3; for (i = 3; i <= n; i++) line = line ":" f[i]; print line }' >"$W/users.smbpasswd"
pdbedit -s "$conf" -i "smbpasswd:$W/users.smbpasswd" -e "tdbsam:$W/smbd/private/passdb.tdb" >/dev/null
echo "smbd pid $LAB_SMBD_PID on 127.0.0.1:$port, $(pdbedit -s "$conf" -L | wc -l) users" >&2

run_one() { # label clients script stagger interval extra-replay-args...
  local label=$1 n=$2 s=$3 w=$4 interval=$5; shift 5
  python3 "$here/fanout.py" "$W/base" "$W/w-$label" "$n" --script-seconds "$s" --stagger-seconds "$w" >"$W/fanout-$label.json"
  local root="scale-$label" share="$W/smbd/share"
  mkdir -p "$share/$root"; seq -f "$share/$root/u%05g" 1 "$n" | xargs mkdir -p; chmod 777 "$share/$root" "$share/$root"/u*
  echo "== $label: $n clients, $(cat "$W/fanout-$label.json"), load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  python3 "$here/measure.py" --label "$label" --smbd-pid "$LAB_SMBD_PID" --results "$W/r-$label" \
    --samples "$W/samples-$label.csv" --interval "$interval" --min-available-mib "$min_avail" -- \
    dotnet "$dll" replay "$W/w-$label" --target "smb://127.0.0.1:$port/share" --credentials "$W/w-$label/creds.yaml" \
    --root "$root" --mode mvp --time-scale 1 --results "$W/r-$label" --json --max-error-rate 1 "$@" \
    | tee -a "$W/results.jsonl"
  rm -rf "${share:?}/$root" "$W/w-$label"
  mkdir -p "$here/out"; cp "$W/samples-$label.csv" "$here/out/"
}

for n in "${sizes[@]}"; do run_one "$n" "$n" "${script_s:-60}" "${stagger_s:-60}" 5; done
if [[ -n "$soak" ]]; then run_one "soak-$soak_clients" "$soak_clients" "${script_s:-30}" "${stagger_s:-30}" 10 --duration "$soak"; fi

cp "$W/results.jsonl" "$here/out/results-$(date -u +%Y%m%d-%H%M%S).jsonl"
python3 "$here/table.py" "$W/results.jsonl"
