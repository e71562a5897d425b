#!/bin/sh
# Provisions the lab domain once (LAB.TEST, as in docs/lab.md and the SambaAdDc fixture), adds the [data] share and
# runs samba in the foreground. The administrator password comes from SAMBA_ADMIN_PASSWORD and never appears on a
# command line (where every process could read it) or in the log: the domain is provisioned with a random password,
# which is then replaced in the database by Samba's own Python bindings reading the variable.
set -eu
D=${SAMBA_DIR:-/srv/samba}
REALM=${SAMBA_REALM:-LAB.TEST}
DOMAIN=${SAMBA_DOMAIN:-LAB}
: "${SAMBA_ADMIN_PASSWORD:?set SAMBA_ADMIN_PASSWORD}"
if [ ! -f "$D/etc/smb.conf" ]; then
  mkdir -p "$D"
  # Provisioning logs the random password it sets: keep its output only when it fails, without password lines.
  if ! samba-tool domain provision --targetdir="$D" --realm="$REALM" --domain="$DOMAIN" --server-role=dc \
      --dns-backend=NONE --option="log file=$D/log.%m" >"$D/provision.log" 2>&1; then
    grep -iv password "$D/provision.log" >&2
    exit 1
  fi
  rm -f "$D/provision.log"
  /usr/bin/python3 - "$D" <<'PY'
import os, sys
from samba.auth import system_session
from samba.param import LoadParm
from samba.samdb import SamDB
lp = LoadParm()
lp.load(sys.argv[1] + "/etc/smb.conf")
db = SamDB(url=sys.argv[1] + "/private/sam.ldb", session_info=system_session(), lp=lp)
db.setpassword("(sAMAccountName=Administrator)", os.environ["SAMBA_ADMIN_PASSWORD"])
PY
  mkdir -p "$D/data" && chmod 777 "$D/data"
  printf '[data]\n  path = %s/data\n  read only = no\n' "$D" >>"$D/etc/smb.conf"
fi
[ "${1:-}" = "--provision-only" ] && exit 0
exec samba -i -s "$D/etc/smb.conf" --debug-stdout -d 0
