#!/usr/bin/env bash
# Test services on 127.0.0.1.
#   scripts/services.sh install            # Debian's postgresql and redis-server, when missing
#   eval "$(scripts/services.sh start)"    # a throwaway PostgreSQL 15: exports DATABASE_URL, SERVICES_DIR
#   scripts/services.sh stop "$SERVICES_DIR"
# Tests start their own redis-server processes; they only need the binary.
# Postgres refuses to run as root, so it runs as the 'postgres' user in a folder that user owns.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

apt_install() {
  if [ ! -f /tmp/.plugboard-apt-updated ]; then
    apt-get update -qq >&2 && touch /tmp/.plugboard-apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

install_packages() {
  local missing=()
  [ -x "$PGBIN/initdb" ] || missing+=(postgresql)
  command -v redis-server >/dev/null || missing+=(redis-server)
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
}

case "${1:-}" in
install)
  install_packages
  ;;
start)
  install_packages
  id postgres >/dev/null 2>&1 || { echo "no 'postgres' user after installing postgresql" >&2; exit 1; }
  dir=$(mktemp -d /tmp/plugboard-services.XXXXXX)
  chown postgres:postgres "$dir"
  chmod 700 "$dir"
  port=$(free_port)
  runuser -u postgres -- "$PGBIN/initdb" -D "$dir/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # Durability off: a throwaway test database, started fresh every run.
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$dir/pg" -l "$dir/pg.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
  psql -h 127.0.0.1 -p "$port" -U postgres -qc 'CREATE DATABASE plugboard' >/dev/null
  echo "export SERVICES_DIR=$dir"
  echo "export DATABASE_URL=postgresql://postgres@127.0.0.1:$port/plugboard"
  ;;
stop)
  dir=${2:?usage: services.sh stop DIR}
  if [ -d "$dir/pg" ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$dir/pg" -m fast stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: services.sh install | start | stop DIR" >&2
  exit 2
  ;;
esac
