#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the integration tests and prints its connection string as
# the last line of stdout (everything else goes to stderr):
#
#   export BOT_TEST_POSTGRES=$(bash scripts/start-postgres.sh | tail -1)
#
# Idempotent: a second run finds the cluster running and prints the same string. Installs Debian's
# postgresql package when no server binaries are present. Docker is not available on our machines,
# so this is the PostgreSQL the tests get.
#   BOT_PG_DIR   where the cluster lives (default /tmp/bot-postgres); delete it to start over
#   BOT_PG_PORT  the port to try first (default 55432); the next free one is used if it is taken
set -euo pipefail

root=${BOT_PG_DIR:-/tmp/bot-postgres}
first_port=${BOT_PG_PORT:-55432}
database=bot_test

log() { echo "start-postgres: $*" >&2; }

find_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x $dir/initdb && -x $dir/pg_ctl ]]; then echo "$dir"; return 0; fi
  done
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(readlink -f "$(command -v initdb)")"
    return 0
  fi
  return 1
}

if ! bindir=$(find_bindir); then
  log "no PostgreSQL server binaries found; installing the postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y postgresql >&2
  bindir=$(find_bindir) || { log "postgresql installed but initdb/pg_ctl still not found"; exit 1; }
fi
log "using $bindir"

# initdb and postgres refuse to run as root: as root, run them as the postgres user.
if [[ $(id -u) -eq 0 ]]; then
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir "$root" --shell /bin/bash postgres
  fi
  as_owner() { (cd / && runuser -u postgres -- "$@"); }
  owner=postgres
else
  as_owner() { "$@"; }
  owner=$(id -un)
fi

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

mkdir -p "$root"
chown "$owner" "$root"
chmod 700 "$root"
data=$root/data

# Several worktrees on one machine may run this at the same moment: one at a time.
exec 9>"$root.lock"
flock 9

if [[ ! -s $data/PG_VERSION ]]; then
  log "creating a cluster in $data"
  as_owner "$bindir/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2
fi

if as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  port=$(sed -n 4p "$data/postmaster.pid")
  log "already running on port $port"
else
  port=$first_port
  while port_in_use "$port"; do
    port=$((port + 1))
    if (( port > first_port + 100 )); then log "no free port from $first_port on"; exit 1; fi
  done
  # fsync off: the data is thrown away, and the tests should not wait on the disk.
  # 9>&-: the server must not inherit the lock, or the next run would wait for it forever.
  as_owner "$bindir/pg_ctl" -D "$data" -l "$root/server.log" -w -t 60 start \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $root -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >&2 9>&-
  log "started on port $port"
fi

exists=$("$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")
if [[ $exists != 1 ]]; then
  "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres "$database"
  log "created database $database"
fi

echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=$database"
