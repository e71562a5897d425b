#!/usr/bin/env bash
# Makes a small SMB2/3 capture for demos, tests and benchmarks: a throwaway smbd on 127.0.0.1 (private dir, free
# port), tcpdump on lo, and smbclient doing a realistic mix (mkdir, put, get, ls, rename, delete, rmdir).
#
#   scripts/make-sample-capture.sh OUT.pcap [--files N] [--size BYTES] [--rounds R] [--protocol SMB3|SMB2] [--port P]
#
# Needs root (useradd, smbd with private users, capturing on lo) and samba, smbclient, tcpdump (apt). Keep --size
# at or below 65536 when tshark is the oracle on a non-445 port (its NetBIOS path caps messages at 128 KiB).
set -euo pipefail

out=""; files=20; size=32768; rounds=1; protocol=SMB3; port=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --files) files="$2"; shift 2 ;;
    --size) size="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --protocol) protocol="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) if [[ -z "$out" ]]; then out="$1"; shift; else echo "unexpected argument: $1" >&2; exit 2; fi ;;
  esac
done
[[ -n "$out" ]] || { echo "usage: $0 OUT.pcap [--files N] [--size BYTES] [--rounds R] [--protocol SMB3|SMB2] [--port P]" >&2; exit 2; }
[[ $(id -u) -eq 0 ]] || { echo "$0: needs root (smbd users and capturing on lo)" >&2; exit 3; }
for tool in smbd smbclient smbpasswd tcpdump; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is missing (apt-get install samba smbclient tcpdump)" >&2; exit 3; }
done

if [[ -z "$port" ]]; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
fi
R=$(mktemp -d /tmp/smbench-sample-XXXXXX)
user=${SMBENCH_SAMPLE_USER:-smbsample}; pw='Sample-Passw0rd1'
dump_pid=""
cleanup() {
  [[ -n "$dump_pid" ]] && kill -INT "$dump_pid" 2>/dev/null && wait "$dump_pid" 2>/dev/null || true
  declare -F lab_smbd_stop >/dev/null && lab_smbd_stop || true
  rm -rf "$R"
}
trap cleanup EXIT

source "$(dirname "$0")/lab/smbd-lib.sh"
mkdir -p "$R/work"
lab_smbd_start "$R" "$port" "$user" "$pw"

tcpdump -i lo -U --immediate-mode -B 262144 -s 0 -Z root -w "$out" "tcp port $port" 2>"$R/tcpdump.err" &
dump_pid=$!
for _ in $(seq 1 100); do grep -q "listening on" "$R/tcpdump.err" 2>/dev/null && break; sleep 0.1; done
kill -0 "$dump_pid" 2>/dev/null || { echo "$0: tcpdump did not start: $(cat "$R/tcpdump.err")" >&2; dump_pid=""; exit 1; }

# Deterministic file contents so two runs give comparable captures.
for i in $(seq 1 "$files"); do
  head -c "$size" </dev/zero | tr '\0' "$(printf "\\$(printf '%03o' $((65 + i % 26)))")" >"$R/work/f$i.dat"
done
# Commands go in on stdin: a long session does not fit on a command line.
{
  echo "mkdir data"; echo "cd data"
  for i in $(seq 1 "$files"); do echo "put $R/work/f$i.dat f$i.dat"; done
  for r in $(seq 1 "$rounds"); do
    echo "ls"
    for i in $(seq 1 "$files"); do echo "get f$i.dat $R/work/g$i.dat"; done
  done
  echo "rename f1.dat renamed.dat"; echo "del renamed.dat"
  for i in $(seq 2 "$files"); do echo "del f$i.dat"; done
  echo "cd .."; echo "rmdir data"; echo "exit"
} >"$R/commands.txt"
kill -0 "$LAB_SMBD_PID" 2>/dev/null || { echo "$0: smbd exited: $(cat "$R/smbd.out")" >&2; LAB_SMBD_PID=""; exit 1; }
smbclient "//127.0.0.1/share" -p "$port" -U "$user%$pw" -m "$protocol" <"$R/commands.txt" >"$R/smbclient.out" 2>&1 \
  || { cat "$R/smbclient.out" >&2; tail -20 "$R"/log/log.* >&2 2>/dev/null; exit 1; }
grep -q "NT_STATUS_" "$R/smbclient.out" && { echo "$0: smbclient reported errors:" >&2; grep "NT_STATUS_" "$R/smbclient.out" | head >&2; }

sleep 0.3
kill -INT "$dump_pid"; wait "$dump_pid" 2>/dev/null || true; dump_pid=""
cat "$R/tcpdump.err" >&2
echo "$out: $(stat -c %s "$out") bytes, server port $port (decode with: tshark -r $out -d tcp.port==$port,nbss -Y smb2)"
