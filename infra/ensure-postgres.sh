#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 for the tests (trust auth, database "test").
# Uses the machine's PostgreSQL 15 cluster; never edits files under /etc: the trust rules live in an hba file of
# our own under /tmp, passed on the command line.
set -euo pipefail
ready() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
if ready; then echo "postgres: already listening on 127.0.0.1:5432"; exit 0; fi

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "postgres: installing postgresql from Debian" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /etc/postgresql | sort -n | tail -1)
hba=/tmp/skills-claims-pg_hba.conf
cat > "$hba" <<HBA
local all all trust
host  all all 127.0.0.1/32 trust
host  all all ::1/128 trust
HBA
chmod 644 "$hba"
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster --skip-systemctl-redirect "$version" main start -- -o "-c hba_file=$hba -c listen_addresses=127.0.0.1" \
  || pg_ctlcluster --skip-systemctl-redirect "$version" main start
for _ in $(seq 1 60); do ready && break; sleep 0.5; done
ready || { echo "postgres: did not come up on 127.0.0.1:5432" >&2; exit 1; }
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='test'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE test' >/dev/null
echo "postgres: started $version/main on 127.0.0.1:5432"
