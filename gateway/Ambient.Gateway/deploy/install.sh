#!/usr/bin/env bash
# Installs a published Ambient gateway as the systemd service "ambient-gateway" (Raspberry Pi OS 64-bit, Debian).
# Safe to run again: an upgrade replaces /opt/ambient and restarts the service; users, settings and data stay.
set -euo pipefail

readonly INSTALL_DIR=/opt/ambient
readonly STATE_DIR=/var/lib/ambient
readonly CONFIG_DIR=/etc/ambient
readonly SERVICE=ambient-gateway
readonly SERVICE_USER=ambient
readonly UNIT_DIR=/etc/systemd/system
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly SCRIPT_DIR

usage() {
    cat <<USAGE
Usage: sudo $(basename "$0") PUBLISH_DIR

Installs the gateway published to PUBLISH_DIR, for example by
  dotnet publish gateway/Ambient.Gateway -c Release -r linux-arm64 --self-contained -o out/ambient
(or --self-contained false, with the ASP.NET Core 10 runtime installed on this machine)
into ${INSTALL_DIR}, creates the system user "${SERVICE_USER}", installs ${SERVICE}.service (from ${SCRIPT_DIR}),
writes a starter ${CONFIG_DIR}/appsettings.json if there is none, then enables and (re)starts the service.
Data: ${STATE_DIR}. Logs: journalctl -u ${SERVICE}.
USAGE
}

fail() {
    echo "install.sh: $*" >&2
    exit 1
}

if [[ $# -ne 1 ]]; then
    usage >&2
    exit 2
fi

if [[ $1 == -h || $1 == --help ]]; then
    usage
    exit 0
fi

[[ -d $1 ]] || fail "$1 is not a directory"
SOURCE="$(cd "$1" && pwd)"
readonly SOURCE
[[ -f $SOURCE/Ambient.Gateway.dll && -f $SOURCE/Ambient.Gateway ]] ||
    fail "$SOURCE has no Ambient.Gateway executable; publish the gateway there with -r linux-arm64 first (see --help)"
# A publish without -r (or for the wrong -r) has an apphost for the build machine: compare ELF e_machine with ours.
case "$(uname -m)" in
    aarch64) expected="b7 00" ;;
    x86_64) expected="3e 00" ;;
    *) expected="" ;;
esac
machine="$(od -An -tx1 -j18 -N2 "$SOURCE/Ambient.Gateway" | xargs)"
[[ -z $expected || $machine == "$expected" ]] ||
    fail "$SOURCE/Ambient.Gateway is not built for $(uname -m); publish with -r linux-arm64 (or linux-x64 on a PC)"
[[ $SOURCE != "$INSTALL_DIR" ]] || fail "publish somewhere other than $INSTALL_DIR; it is replaced on install"
[[ -f $SCRIPT_DIR/$SERVICE.service ]] || fail "$SCRIPT_DIR/$SERVICE.service is missing; run install.sh from its deploy folder"
[[ $EUID -eq 0 ]] || fail "run as root (sudo $0 $1)"

# Group i2c owns /dev/i2c-* on Raspberry Pi OS; elsewhere it may not exist yet, and the unit asks for it.
if ! getent group i2c >/dev/null; then
    groupadd --system i2c
fi

if ! id -u "$SERVICE_USER" >/dev/null 2>&1; then
    useradd --system --user-group --home-dir "$STATE_DIR" --no-create-home --shell /usr/sbin/nologin "$SERVICE_USER"
fi

# Copy to a staging folder first so a failed copy never leaves a half-installed gateway behind.
rm -rf "$INSTALL_DIR.new"
mkdir -p "$INSTALL_DIR.new"
cp -a "$SOURCE/." "$INSTALL_DIR.new/"
chown -R root:root "$INSTALL_DIR.new"
chmod -R u=rwX,go=rX "$INSTALL_DIR.new"
chmod 0755 "$INSTALL_DIR.new/Ambient.Gateway"
if systemctl is-active --quiet "$SERVICE"; then
    systemctl stop "$SERVICE"
fi
rm -rf "$INSTALL_DIR.old"
if [[ -d $INSTALL_DIR ]]; then
    mv "$INSTALL_DIR" "$INSTALL_DIR.old"
fi
mv "$INSTALL_DIR.new" "$INSTALL_DIR"
rm -rf "$INSTALL_DIR.old"

install -d -m 0755 "$CONFIG_DIR"
if [[ ! -f $CONFIG_DIR/appsettings.json ]]; then
    # Overrides for /opt/ambient/appsettings.json; anything not set here keeps the shipped default.
    cat >"$CONFIG_DIR/appsettings.json" <<'JSON'
{
  "Weather": {
    "Latitude": 52.52,
    "Longitude": 13.41
  },
  "IndoorSensor": {
    "Enabled": false,
    "BusId": 1,
    "Address": "0x76"
  }
}
JSON
    chown "root:$SERVICE_USER" "$CONFIG_DIR/appsettings.json"
    chmod 0640 "$CONFIG_DIR/appsettings.json"
fi

install -m 0644 "$SCRIPT_DIR/$SERVICE.service" "$UNIT_DIR/$SERVICE.service"
systemctl daemon-reload
systemctl enable "$SERVICE"
systemctl restart "$SERVICE"

echo "Installed $INSTALL_DIR; $SERVICE is $(systemctl is-active "$SERVICE" || true)."
echo "Provision a device: sudo -u $SERVICE_USER $INSTALL_DIR/Ambient.Gateway devices add <id> <kind> --DataDirectory=$STATE_DIR"
echo "Logs: journalctl -u $SERVICE -f"
