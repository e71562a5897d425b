# Throwaway Samba on loopback, for scripts (source this file). Everything lives in one private directory: two
# instances never share a winbindd socket or state. Needs root (useradd, smbpasswd) and the samba package.
#
#   lab_smbd_start DIR PORT USER PASSWORD [EXTRA_GLOBAL]   # sets LAB_SMBD_PID; share "share" at DIR/share
#   lab_smbd_stop                                          # kills it (the caller removes DIR)

lab_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

lab_smbd_start() {
  local dir=$1 port=$2 user=$3 pw=$4 extra=${5:-}
  mkdir -p "$dir"/{private,lock,state,cache,pid,ncalrpc,winbindd,log,share}
  chmod 755 "$dir"; chmod 777 "$dir/share"
  cat >"$dir/smb.conf" <<CONF
[global]
  workgroup = LAB
  server role = standalone server
  smb ports = $port
  interfaces = 127.0.0.1
  bind interfaces only = yes
  private dir = $dir/private
  lock directory = $dir/lock
  state directory = $dir/state
  cache directory = $dir/cache
  pid directory = $dir/pid
  ncalrpc dir = $dir/ncalrpc
  winbindd socket directory = $dir/winbindd
  log file = $dir/log/log.%m
  passdb backend = tdbsam:$dir/private/passdb.tdb
  server min protocol = SMB2_02
  kernel oplocks = no
  kernel share modes = no
  posix locking = no
  smb2 leases = yes
  load printers = no
  printing = bsd
  printcap name = /dev/null
  disable spoolss = yes
  $extra
[share]
  path = $dir/share
  read only = no
  durable handles = yes
CONF
  id "$user" >/dev/null 2>&1 || useradd -M -s /usr/sbin/nologin "$user"
  printf '%s\n%s\n' "$pw" "$pw" | smbpasswd -c "$dir/smb.conf" -s -a "$user" >/dev/null
  # stdin must not be a pipe: a foreground smbd exits when its stdin closes.
  _NO_WINBINDD=1 setsid smbd -F --no-process-group --debug-stdout -s "$dir/smb.conf" -d 0 </dev/null >"$dir/smbd.out" 2>&1 &
  LAB_SMBD_PID=$!
  for _ in $(seq 1 100); do (echo >/dev/tcp/127.0.0.1/"$port") 2>/dev/null && return 0; sleep 0.1; done
  echo "smbd did not listen on 127.0.0.1:$port: $(cat "$dir/smbd.out")" >&2
  return 1
}

lab_smbd_stop() {
  if [[ -n "${LAB_SMBD_PID:-}" ]]; then
    pkill -KILL -P "$LAB_SMBD_PID" 2>/dev/null || true
    kill "$LAB_SMBD_PID" 2>/dev/null || true
    wait "$LAB_SMBD_PID" 2>/dev/null || true
    LAB_SMBD_PID=""
  fi
}
