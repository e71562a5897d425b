#!/usr/bin/env bash
# Installs the Debian packages SMBench's demo and tests need (real Samba, directory servers, capture tools).
# Idempotent: skips apt entirely when everything is already present.
set -euo pipefail
PKGS=(samba smbclient samba-testsuite samba-ad-dc samba-ad-provision winbind slapd ldap-utils tcpdump tshark libpcap0.8 iproute2 procps psmisc openssl chromium dbench ${SMBENCH_EXTRA_PKGS:-})
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
echo "setup-deps: installing ${missing[*]}" >&2
# slapd/tshark ask questions at install time; answer them up front.
echo "wireshark-common wireshark-common/install-setuid boolean false" | $SUDO debconf-set-selections
echo "slapd slapd/no_configuration boolean true" | $SUDO debconf-set-selections
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
