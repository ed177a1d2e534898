#!/usr/bin/env bash
# Makes this machine ready to run the crm_client_base suite, idempotently:
#   PostgreSQL running with a role for the current user and a UTF-8 cluster,
#   .venv with Odoo 19.0 (from ODOO_SRC) and the pinned requirements,
#   Debian's chromium for browser tests, wkhtmltopdf for PDF reports, and odoo.conf at the root.
# A second run only checks; it installs nothing that is already there.
#
# Environment:
#   ODOO_SRC   Odoo 19.0 source tree (default: /opt/odoo-19.0). When missing and the machine
#              reaches the internet, the official 19.0 branch is cloned there.
#   PYTHON     interpreter for .venv (default: python3.11, else python3.12, else python3)
#   HTTP_PORT  port written to odoo.conf (default 8069)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ODOO_SRC="${ODOO_SRC:-/opt/odoo-19.0}"
VENV="$ROOT/.venv"
REQS="$ROOT/setup/requirements.txt"
HTTP_PORT="${HTTP_PORT:-8069}"
ODOO_GIT_URL="${ODOO_GIT_URL:-https://github.com/odoo/odoo.git}"

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else die "'$*' needs root and sudo is missing: run it as root, then run make setup again."
    fi
}

as_postgres() {
    if [ "$(id -un)" = postgres ]; then "$@"
    elif [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"
    else sudo -u postgres "$@"
    fi
}

apt_install() {
    command -v apt-get >/dev/null \
        || die "$1 is missing and this machine has no apt-get: install $1 with your package manager, then run make setup again."
    say "installing $* with apt-get"
    if [ ! -f /tmp/.crm_client_base_apt_updated ]; then
        as_root apt-get update -qq >/dev/null && touch /tmp/.crm_client_base_apt_updated
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null \
        || die "apt-get could not install $*: install it by hand, then run make setup again."
}

# --- Odoo source -------------------------------------------------------------------------------
if [ ! -f "$ODOO_SRC/odoo/release.py" ]; then
    if command -v git >/dev/null && git ls-remote --heads "$ODOO_GIT_URL" 19.0 >/dev/null 2>&1; then
        say "no Odoo source at $ODOO_SRC: cloning the official 19.0 branch there"
        git clone --depth 1 --branch 19.0 "$ODOO_GIT_URL" "$ODOO_SRC" \
            || die "cloning Odoo into $ODOO_SRC failed: put an Odoo 19.0 source tree there or set ODOO_SRC to one."
    else
        die "no Odoo 19.0 source at $ODOO_SRC: put an Odoo 19.0 source tree there or set ODOO_SRC to its path."
    fi
fi
grep -q "version_info = (19, 0" "$ODOO_SRC/odoo/release.py" \
    || die "$ODOO_SRC is not Odoo 19.0 (see $ODOO_SRC/odoo/release.py): point ODOO_SRC at an Odoo 19.0 tree."
# The official nightly tree keeps the addons under odoo/addons; a git checkout has them under addons/ too.
ODOO_ADDONS="$ODOO_SRC/odoo/addons"
if [ -n "$(find "$ODOO_SRC/addons" -mindepth 2 -maxdepth 2 -name __manifest__.py -print -quit 2>/dev/null)" ]; then
    ODOO_ADDONS="$ODOO_SRC/addons,$ODOO_ADDONS"
fi

# --- PostgreSQL ----------------------------------------------------------------------------------
if ! command -v pg_lsclusters >/dev/null || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    apt_install postgresql
fi
cluster="$(pg_lsclusters -h | sort -k1,1nr | head -n1 || true)"
if [ -z "$cluster" ]; then
    pgver="$(ls /usr/lib/postgresql | sort -n | tail -n1)"
    say "creating PostgreSQL $pgver cluster 'main' with locale C.UTF-8"
    as_root pg_createcluster --locale C.UTF-8 "$pgver" main >/dev/null
    cluster="$(pg_lsclusters -h | sort -k1,1nr | head -n1)"
fi
read -r pgver pgname pgport pgstatus _ <<<"$cluster"
if [ "$pgstatus" != online ]; then
    say "starting PostgreSQL $pgver/$pgname"
    as_root pg_ctlcluster "$pgver" "$pgname" start || die "PostgreSQL $pgver/$pgname did not start: see /var/log/postgresql/postgresql-$pgver-$pgname.log."
fi
export PGPORT="$pgport"
for _ in $(seq 1 30); do as_postgres psql -qtAc "select 1" >/dev/null 2>&1 && break; sleep 0.5; done
ME="$(id -un)"
if [ "$ME" = postgres ]; then
    die "run this as your own user, not 'postgres': Odoo refuses to connect as the postgres superuser."
fi
if [ "$(as_postgres psql -qtAc "select 1 from pg_roles where rolname = '$ME'")" != 1 ]; then
    say "creating PostgreSQL role '$ME' (may create databases)"
    as_postgres createuser --createdb "$ME"
fi
ctype="$(as_postgres psql -qtAc "select datctype from pg_database where datname = 'template0'")"
case "$ctype" in
    *[Uu][Tt][Ff]8* | *[Uu][Tt][Ff]-8*) ;;
    *) die "PostgreSQL $pgver/$pgname has LC_CTYPE '$ctype', so pg_trgm sees no Cyrillic: recreate it with a UTF-8 locale (pg_dropcluster --stop $pgver $pgname && pg_createcluster --locale C.UTF-8 --start $pgver $pgname, which drops its databases)." ;;
esac

# --- chromium for HttpCase browser tests, wkhtmltopdf for PDF reports ----------------------------------
if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
    apt_install chromium
fi
if ! command -v wkhtmltopdf >/dev/null; then
    apt_install wkhtmltopdf
fi

# --- Python virtual environment --------------------------------------------------------------------
if [ ! -x "$VENV/bin/python" ]; then
    if [ -z "${PYTHON:-}" ]; then
        for candidate in python3.11 python3.12 python3; do
            if "$candidate" --version >/dev/null 2>&1; then PYTHON="$candidate"; break; fi
        done
    fi
    [ -n "${PYTHON:-}" ] || die "no python3 found: install Python 3.11 or 3.12, then run make setup again."
    "$PYTHON" -c 'import sys; sys.exit(not ((3, 10) <= sys.version_info[:2] <= (3, 12)))' >/dev/null 2>&1 \
        || die "'$PYTHON' is not a runnable Python 3.11 or 3.12, which Odoo 19.0 here needs: set PYTHON to one."
    say "creating $VENV with $("$PYTHON" --version 2>&1)"
    "$PYTHON" -m venv "$VENV" || die "could not create $VENV: install the venv module (apt-get install python3-venv)."
fi
stamp="$VENV/.requirements.sha"
want="$(cat "$REQS" | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "installing the pinned requirements into .venv"
    # The machine-wide pip config may list local indexes that lack some packages: hide that noise.
    if ! "$VENV/bin/python" -m pip install -q --disable-pip-version-check --prefer-binary -r "$REQS" 2>&1 \
        | { grep -v "^WARNING: Location" || true; }; then
        die "pip could not install setup/requirements.txt: see the message above."
    fi
    echo "$want" >"$stamp"
fi
# Odoo itself: a path entry to ODOO_SRC (not an editable install, whose __editable__ finder makes
# Odoo log 'addons path is not a directory') and the odoo launcher script.
site="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
echo "$ODOO_SRC" >"$site/odoo-src.pth"
cat >"$VENV/bin/odoo" <<EOF
#!$VENV/bin/python
import odoo.cli

if __name__ == "__main__":
    odoo.cli.main()
EOF
chmod +x "$VENV/bin/odoo"
"$VENV/bin/python" -c "import odoo.release as r; assert r.version_info[:2] == (19, 0)" \
    || die "Odoo 19.0 does not import from $ODOO_SRC in .venv: check ODOO_SRC."
# Every process of a multi-worker server must start: the gevent one (live chatter, notifications)
# resolves its plugins through pkg_resources, which fails on a metadata folder it cannot read.
"$VENV/bin/python" -W ignore -c "import pkg_resources; pkg_resources.require('gevent')" >/dev/null 2>&1 \
    || die "gevent's requirements do not resolve in .venv (pkg_resources): the websocket process of --workers would crash; rm -rf .venv and make setup again."

# --- odoo.conf ---------------------------------------------------------------------------------------
cat >"$ROOT/odoo.conf.new" <<EOF
; Written by setup/setup.sh; do not edit (it is rewritten on every make setup).
[options]
addons_path = $ROOT,$ODOO_ADDONS
data_dir = $ROOT/.odoo-data
; No db_host: Odoo talks to the local cluster over its Unix socket, as role $ME (peer auth).
db_port = $pgport
db_user = $ME
db_template = template0
http_interface = 127.0.0.1
http_port = $HTTP_PORT
list_db = True
proxy_mode = False
EOF
if ! cmp -s "$ROOT/odoo.conf.new" "$ROOT/odoo.conf"; then
    mv "$ROOT/odoo.conf.new" "$ROOT/odoo.conf"
    say "wrote odoo.conf: run Odoo with .venv/bin/odoo -c odoo.conf"
else
    rm -f "$ROOT/odoo.conf.new"
fi
say "ready (Odoo from $ODOO_SRC, PostgreSQL $pgver/$pgname on port $pgport, role $ME)"
