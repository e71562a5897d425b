#!/bin/sh
# Provisions the lab domain once (LAB.TEST, as in docs/lab.md and the SambaAdDc fixture), adds the [data] share and
# runs samba in the foreground. The administrator password comes from SAMBA_ADMIN_PASSWORD (never echoed).
set -eu
D=/srv/samba
REALM=${SAMBA_REALM:-LAB.TEST}
DOMAIN=${SAMBA_DOMAIN:-LAB}
: "${SAMBA_ADMIN_PASSWORD:?set SAMBA_ADMIN_PASSWORD}"
if [ ! -f "$D/etc/smb.conf" ]; then
  samba-tool domain provision --targetdir="$D" --realm="$REALM" --domain="$DOMAIN" --server-role=dc \
    --dns-backend=NONE --adminpass="$SAMBA_ADMIN_PASSWORD" --option="log file=$D/log.%m"
  mkdir -p "$D/data" && chmod 777 "$D/data"
  printf '[data]\n  path = %s/data\n  read only = no\n' "$D" >>"$D/etc/smb.conf"
fi
exec samba -i -s "$D/etc/smb.conf" --debug-stdout -d 0
